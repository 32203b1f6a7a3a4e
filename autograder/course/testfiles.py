"""Checks written as pytest tests: finding them in ``test_<target>.py`` files and validating them.

What such a check is, and how it is written, is told in :mod:`autograder.grading.testchecks`, which
grades them; this module only reads them from an assignment's folder, so that loading a course
needs nothing from the grading stage.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import inspect
import sys
import types
from pathlib import Path
from typing import Any, Callable

from autograder.checks.check import Check

FIXTURES = ("student", "reference", "rng", "tol")
MARKS = ("points", "visibility", "hint")
CALL_PROBE = "autograder.checks.probes:call_args"


class PytestCheckError(ValueError):
    """A test file does not follow the rules above; the message names the file and function."""


@dataclasses.dataclass(frozen=True)
class PytestCheck(Check):
    """A check written as a pytest test function.

    Attributes:
        function: The test function (runs in the grader).
        fixtures: The fixture names it takes, in order.
        location: ``test_<target>.py::test_<aspect>`` for messages.
        marked_points: Points given by ``@pytest.mark.points(n)``, if any.
        marked_visibility: Visibility given by ``@pytest.mark.visibility(...)``, if any.
    """

    function: Callable | None = None
    fixtures: tuple[str, ...] = ()
    location: str = ""
    marked_points: float | None = None
    marked_visibility: str | None = None


def _import(path: Path) -> types.ModuleType:
    """Imports a test file, with pytest's assertion rewriting when pytest is installed."""
    source = path.read_bytes()
    tree = ast.parse(source, filename=str(path))
    try:
        from _pytest.assertion.rewrite import rewrite_asserts

        rewrite_asserts(tree, source, str(path), None)
    except ImportError:  # pragma: no cover - pytest is a dependency
        pass
    name = f"autograder_pytest_checks_{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]}"
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module  # dataclasses and pickling look modules up by name
    exec(compile(tree, str(path), "exec"), module.__dict__)
    return module


def _marks(fn: Callable, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mark in getattr(fn, "pytestmark", []):
        if mark.name not in MARKS:
            raise PytestCheckError(
                f"{where}: mark {mark.name!r} is not supported in checks (use {', '.join(MARKS)}; "
                "write one test function per check instead of parametrize)"
            )
        if len(mark.args) != 1 or mark.kwargs:
            raise PytestCheckError(f"{where}: @pytest.mark.{mark.name} takes one argument")
        out[mark.name] = mark.args[0]
    points = out.get("points")
    if points is not None and (isinstance(points, bool) or not isinstance(points, (int, float)) or points < 0):
        raise PytestCheckError(f"{where}: @pytest.mark.points expects a non-negative number, got {points!r}")
    return out


def load(folder: Path) -> list[PytestCheck]:
    """The checks written as tests in ``folder/test_*.py``, file by file, in definition order.

    Raises:
        PytestCheckError: A test takes an unknown fixture, has an unsupported mark, or is not a plain function.
    """
    out = []
    for path in sorted(Path(folder).glob("test_*.py")):
        target = path.stem[len("test_") :]
        module = _import(path)
        for name, fn in list(vars(module).items()):
            if not name.startswith("test_"):
                continue
            where = f"{path.name}::{name}"
            if not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                raise PytestCheckError(f"{where}: expected a test function defined in this file")
            marks = _marks(fn, where)
            params = tuple(inspect.signature(fn).parameters)
            unknown = [p for p in params if p not in FIXTURES]
            if unknown:
                raise PytestCheckError(f"{where}: unknown fixture {unknown[0]!r} (available: {', '.join(FIXTURES)})")
            doc = inspect.getdoc(fn) or ""
            what = doc.splitlines()[0].rstrip(".") if doc else f"{target}: {name[5:].replace('_', ' ')}"
            out.append(
                PytestCheck(
                    id=f"{target}.{name[5:]}",
                    target=target,
                    what=what,
                    hint=str(marks.get("hint", "")),
                    probe=CALL_PROBE,
                    function=fn,
                    fixtures=params,
                    location=where,
                    marked_points=marks.get("points"),
                    marked_visibility=marks.get("visibility"),
                )
            )
    return out
