"""The rules a course's check files and ``grading.yml`` keep, written once.

:func:`assignment_problems` finds every problem of one assignment: a check file that does not
load, an id defined twice, a check without points in ``grading.yml`` or an entry naming no check
(a renamed id), a check in ``hidden_checks.py`` or a ``test_*.py`` file not marked hidden or one in
``public_checks.py`` marked hidden, a pytest-style check whose marks disagree with its entry, and
``requires`` naming an unknown check or a public check requiring a hidden one. Loading an
assignment (:func:`autograder.course.assignment.load`) raises the first; ``autograder validate``
(:mod:`autograder.release.validate`) prints them all, each with its file and line.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path

from autograder.checks.check import Check
from autograder.core.config import GRADING_FILE, key_path
from autograder.core.seeds import stable_seed
from autograder.course import testfiles
from autograder.course.layout import CHECK_FILES, Layout

PUBLIC_CHECKS, HIDDEN_CHECKS = CHECK_FILES

Locate = Callable[..., int]
"""``locate(parts, key=False)``: the line of a path of ``grading.yml`` (0 when unknown)."""


def _nowhere(parts, key: bool = False) -> int:
    return 0


class CheckFileError(ValueError):
    """A checks file does not define ``CHECKS`` as it must."""


def load_checks(path: Path) -> list[Check]:
    """Imports a checks module and returns its ``CHECKS`` list (empty when the file is absent).

    Raises:
        CheckFileError: It defines no ``CHECKS`` list of :class:`autograder.checks.check.Check`.
    """
    if not path.is_file():
        return []
    module_name = f"autograder_checks_{stable_seed(str(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = getattr(module, "CHECKS", None)
    if not isinstance(found, list) or not all(isinstance(c, Check) for c in found):
        raise CheckFileError(f"{path}: must define CHECKS, a list of autograder.checks.check.Check")
    return found


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem found.

    Attributes:
        file: The file at fault, relative to the course when inside it.
        line: Its line (1-based), or 0 when no line can be named.
        path: Where in the file, e.g. ``assignments.a1.checks["f.values"].points``; may be empty.
        message: What is wrong and what is expected.
    """

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


def _line_of_id(path: Path, check_id: str) -> int:
    """The line of a check's id in a checks file, or of its function in a test_*.py file (0: not found)."""
    aspect = check_id.partition(".")[2]
    try:
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""(['"])""" + re.escape(check_id) + r"\1", text) or (
                path.name.startswith("test_") and re.match(rf"def test_{re.escape(aspect)}\(", text)
            ):
                return n
    except OSError:
        pass
    return 0


def assignment_problems(
    name: str, configured: dict, *, course: Path, file: str = GRADING_FILE, locate: Locate = _nowhere
) -> tuple[list[Problem], dict]:
    """Every problem of one assignment's check files against its ``grading.yml`` entry, and its checks.

    Args:
        name: The assignment.
        configured: Its ``checks`` mapping as written (check id to settings).
        course: The course folder.
        file: ``grading.yml``'s name in messages.
        locate: The line of a path of ``grading.yml`` (``key``: of its key), 0 when unknown.

    Returns:
        The problems (none when ``autograder grade`` accepts the assignment), and its checks by id,
        in file order: ``(path, check, hidden)``.
    """
    out: list[Problem] = []
    folder = Layout(course).solutions(name)

    def rel(p: Path) -> str:
        return str(p.relative_to(course)) if p.is_relative_to(course) else str(p)

    where = ["assignments", name]
    if not (folder / f"{name}.ipynb").is_file():
        named = f"named in {file} line {locate(where, key=True)}"
        out.append(Problem(rel(folder / f"{name}.ipynb"), 0, "", f"missing: the source notebook of {name} ({named})"))
    checks, any_defined = _defined_checks(folder, rel, out)
    configured = configured if isinstance(configured, dict) else {}
    if not any_defined and not out:
        out.append(Problem(rel(folder / PUBLIC_CHECKS), 0, "", "defines no check"))
    checks_path = [*where, "checks"]
    for check_id, (path, check, hidden) in checks.items():
        if check_id not in configured:
            out.append(
                Problem(
                    file,
                    locate(checks_path, key=True),
                    key_path([*checks_path, check_id]),
                    f"missing: {rel(path)} line {_line_of_id(path, check_id)} defines this check, give it points here",
                )
            )
            continue
        out += _settings_problems(
            check,
            hidden,
            configured[check_id],
            path=rel(path),
            line=_line_of_id(path, check_id),
            at=[*checks_path, check_id],
            locate=locate,
            file=file,
        )
        out += _requirement_problems(check, hidden, checks, path=rel(path), line=_line_of_id(path, check_id), name=name)
    for check_id in [c for c in configured if c not in checks]:
        at = [*checks_path, check_id]
        files = f"{rel(folder / PUBLIC_CHECKS)}, {rel(folder / HIDDEN_CHECKS)} or test_*.py"
        out.append(Problem(file, locate(at, key=True), key_path(at), f"names no check in {files}"))
    return out, checks


def _requirement_problems(check, hidden: bool, checks: dict, *, path: str, line: int, name: str) -> list[Problem]:
    """A check's ``requires``: each must be a check of the assignment, and a public check may not
    require a hidden one (the self-check could not judge it)."""
    out = []
    for req in check.requires:
        if req not in checks:
            out.append(Problem(path, line, "", f"check {check.id!r} requires {req!r}, which is not a check of {name}"))
        elif checks[req][2] and not hidden:
            why = "(the self-check could not judge it)"
            out.append(Problem(path, line, "", f"public check {check.id!r} requires hidden check {req!r} {why}"))
    return out


def _defined_checks(folder: Path, rel, out: list[Problem]) -> tuple[dict, bool]:
    """Every check the assignment's files define, by id: ``(path, check, hidden)``; whether any
    file defines one. A file that does not load, or an id defined twice, is a problem in ``out``."""
    files = {}
    for module in (PUBLIC_CHECKS, HIDDEN_CHECKS):
        path = folder / module
        try:
            files[module] = (path, load_checks(path))
        except Exception as err:  # an instructor's file that does not import: say so, go on
            out.append(
                Problem(
                    rel(path), getattr(err, "lineno", 0) or 0, "", f"cannot be loaded ({type(err).__name__}: {err})"
                )
            )
            files[module] = (path, [])
    try:  # checks written as pytest tests: hidden only (see autograder.grading.testchecks)
        tests = testfiles.load(folder)
    except Exception as err:
        out.append(Problem(rel(folder), 0, "", f"a test_*.py file cannot be loaded ({type(err).__name__}: {err})"))
        tests = []
    for check in tests:
        files.setdefault(check.location.partition("::")[0], (folder / check.location.partition("::")[0], []))[1].append(
            check
        )
    checks = {}
    for module, (path, found) in files.items():
        for check in found:
            if check.id in checks:
                other = checks[check.id][0]
                out.append(
                    Problem(
                        rel(path),
                        _line_of_id(path, check.id),
                        "",
                        f"check id {check.id!r} is defined twice (also in {rel(other)})",
                    )
                )
            checks.setdefault(check.id, (path, check, module != PUBLIC_CHECKS))
    return checks, any(found for _, found in files.values())


def _settings_problems(
    check, hidden: bool, settings, *, path: str, line: int, at: list, locate: Locate, file: str
) -> list[Problem]:
    """A check's ``grading.yml`` entry against its definition: the visibility of the file it is in,
    and the points a pytest-style check is marked with."""
    out = []
    visibility = settings.get("visibility", "public") if isinstance(settings, dict) else "public"
    if visibility in ("public", "hidden") and (visibility == "hidden") != hidden:
        out.append(
            Problem(
                file,
                locate(
                    [*at, "visibility"] if isinstance(settings, dict) and "visibility" in settings else at, key=True
                ),
                key_path([*at, "visibility"]),
                f"is {visibility}, but the check is in {path} (line {line})",
            )
        )
    if isinstance(check, testfiles.PytestCheck) and check.marked_visibility not in (None, "hidden"):
        why = "checks written as pytest tests are hidden only"
        out.append(Problem(path, line, "", f"{check.location}: visibility({check.marked_visibility!r}): {why}"))
    if (
        isinstance(check, testfiles.PytestCheck)
        and check.marked_points is not None
        and isinstance(settings, dict)
        and isinstance(settings.get("points"), (int, float))
        and float(settings["points"]) != float(check.marked_points)
    ):
        out.append(
            Problem(
                file,
                locate([*at, "points"], key=True),
                key_path([*at, "points"]),
                f"is {settings['points']:g}, but {check.location} is marked points({check.marked_points:g})",
            )
        )
    return out
