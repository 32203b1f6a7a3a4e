"""The public checks, run from inside a student's notebook.

``check("sigmoid", "relu")`` in a notebook runs the public checks of every function named, from the
files released beside the notebook, with the same inputs, expected values and verdicts as
``autograder check`` and the real grader. It prints one summary for all of them and only then, if
any check failed, raises ``AssertionError`` with the messages: a failing function never hides the
checks of the functions after it. It returns None, so the cell shows no stray ``Out:`` value.

It runs in the student's kernel, so it is a convenience: grades come from ``autograder grade``.
Importing this module puts the kernel under the grader's device policy (oneDNN's CPU rewrites off,
TF32 off, op determinism on; :mod:`autograder.sandbox.determinism`) when TensorFlow is not loaded yet, as
the release's set-up cells arrange, so the numbers seen here are the grader's.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from autograder.course import assignment as assignment_mod
from autograder.course.layout import Layout
from autograder.grading import engine
from autograder.reports.wording import explanation
from autograder.sandbox import determinism
from autograder.sandbox.protocol import CheckCall, CheckRecord
from autograder.sandbox.worker import run_check

if "tensorflow" not in sys.modules:
    determinism.set_environment()


def release_folder(folder: Path) -> Path:
    """The folder with the public fixtures: ``folder`` itself, or, for an instructor working in
    ``solutions/NAME``, the matching ``assignments/NAME``."""
    folder = folder.resolve()
    if (folder / assignment_mod.FIXTURES).is_file():
        return folder
    sibling = Layout(folder.parent.parent).release_folder(folder.name)
    return sibling if (sibling / assignment_mod.FIXTURES).is_file() else folder


def _run(target: str, loaded, namespace: dict) -> tuple[int, int, list[str]]:
    """Runs one function's public checks: (passed, total, failure lines)."""
    mine = [c for c in loaded.checks if c.target == target]
    prepared = engine.prepare(loaded, mine, digest="", reference=None)
    passed, failures = 0, []
    for p in prepared:
        call = CheckCall(p.index, target, p.check.probe_spec(), p.inputs, p.seed, p.timeout_s)
        record = CheckRecord.parse(run_check(call, namespace))
        result = engine.judge(p, record, loaded.settings(p.check), hint=p.check.hint)
        if result.status == "passed":
            passed += 1
        else:
            failures.append(f"{p.check.id}: {explanation(result)}")
    determinism.apply(0)
    return passed, len(prepared), failures


def summary(rows: list[tuple[str, int, int, list[str]]]) -> str:
    """The text printed by :func:`check`: one line per function, its failures, then a total."""
    width = max(len(t) for t, *_ in rows)
    lines = []
    for target, passed, total, failures in rows:
        lines.append(f"{'PASS' if not failures else 'FAIL'}  {target:<{width}}  {passed}/{total} public checks")
        lines.extend(f"      {f}" for f in failures)
    ok = sum(1 for *_, f in rows if not f)
    lines.append(
        f"self-check: {ok} of {len(rows)} functions pass their public checks "
        f"({sum(r[1] for r in rows)} of {sum(r[2] for r in rows)} checks)"
    )
    return "\n".join(lines)


def check(*targets: str, namespace: dict | None = None, folder: str | Path = ".") -> None:
    """Runs the public checks of each function in ``targets`` on the caller's definitions.

    Args:
        targets: The graded functions' names, e.g. ``check("sigmoid", "relu")``.
        namespace: Where they are defined (default: the caller's globals).
        folder: The release folder holding ``public_expected.npz`` (default: the working directory).

    Raises:
        AssertionError: After every function was checked, if a check failed; the message lists
            each failed check with what was checked, expected and received.
        ValueError: No function named, or one without public checks.
    """
    if not targets:
        raise ValueError('name the functions to check, e.g. check("sigmoid", "relu")')
    if namespace is None:
        namespace = inspect.currentframe().f_back.f_globals
    loaded = assignment_mod.load_release(release_folder(Path(folder)))
    known = {c.target for c in loaded.checks}
    unknown = [t for t in targets if t not in known]
    if unknown:
        raise ValueError(f"no public check for {', '.join(map(repr, unknown))}; known: {sorted(known)}")
    rows = [(t, *_run(t, loaded, namespace)) for t in targets]
    print(summary(rows))
    failures = [f for *_, fs in rows for f in fs]
    if failures:
        raise AssertionError(f"{len(failures)} public check(s) failed:\n" + "\n".join(failures))
