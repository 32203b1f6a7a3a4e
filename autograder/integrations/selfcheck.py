"""The public checks, run from inside a student's notebook.

``check("sigmoid", "relu")`` in a notebook runs the public checks of every function named, from the
files released beside the notebook, with the same inputs, expected values and verdicts as
``autograder check`` and the real grader. It prints one summary for all of them, failures included,
and returns None (the cell shows no stray ``Out:`` value): a failing function never hides the checks
of the functions after it, and a failing self-check never stops Jupyter's "Run All", so every
section's report is shown. ``check(..., strict=True)`` raises ``AssertionError`` after the summary
instead, for those who want a failure to stop the notebook.

It runs in the student's kernel, so it is a convenience: grades come from ``autograder grade``.
Importing this module puts the kernel under the grader's device policy (oneDNN's CPU rewrites off,
TF32 off, op determinism on; :mod:`autograder.sandbox.determinism`) when TensorFlow is not loaded yet, as
the release's set-up cells arrange, so the numbers seen here are the grader's.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from autograder.core.results import CheckResult
from autograder.course import assignment as assignment_mod
from autograder.course.layout import Layout
from autograder.grading import causes, engine
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


def _results(target: str, loaded, namespace: dict) -> list[CheckResult]:
    """Runs one function's public checks on the caller's definitions."""
    mine = [c for c in loaded.checks if c.target == target]
    out = []
    for p in engine.prepare(loaded, mine, digest="", reference=None):
        call = CheckCall(p.index, target, p.check.probe_spec(), p.inputs, p.seed, p.timeout_s)
        record = CheckRecord.parse(run_check(call, namespace))
        out.append(engine.judge(p, record, loaded.settings(p.check), hint=p.check.hint))
    determinism.apply(0)
    return out


def _sources(namespace: dict, names: set[str]) -> list[str]:
    """The source of every graded function or class defined in ``namespace`` (those Python can find)."""
    out = []
    for name in sorted(names):
        try:
            out.append(inspect.getsource(namespace[name]))
        except (KeyError, TypeError, OSError):
            continue
    return out


def _rows(targets: tuple[str, ...], loaded, namespace: dict) -> list[tuple[str, int, int, list[str]]]:
    """Each target's (name, passed, total, failure lines); a failure that follows from a failure of
    another graded function it runs says so first (their public checks are run too, to know)."""
    known = {c.target for c in loaded.checks}
    calls = causes.Calls.read(_sources(namespace, known), checks=loaded.checks, graded=known)
    results = {t: _results(t, loaded, namespace) for t in targets}
    reach = calls.reach()
    runs = {g for t in targets for r in results[t] if r.status != "passed" for g in reach.get(r.id, ())}
    for g in sorted(runs - set(results)):
        results[g] = _results(g, loaded, namespace)
    attributed = calls.attribute([r for rs in results.values() for r in rs], policy="charge")
    rows = []
    for t in targets:
        mine = [r for r in attributed if r.target == t]
        failures = [f"{r.id}: {explanation(r)}" for r in mine if r.status != "passed"]
        rows.append((t, len(mine) - len(failures), len(mine), failures))
    return rows


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


def check(*targets: str, namespace: dict | None = None, folder: str | Path = ".", strict: bool = False) -> None:
    """Runs the public checks of each function in ``targets`` on the caller's definitions and prints
    a summary, failed checks included.

    Args:
        targets: The graded functions' names, e.g. ``check("sigmoid", "relu")``.
        namespace: Where they are defined (default: the caller's globals).
        folder: The release folder holding ``public_expected.npz`` (default: the working directory).
        strict: Raise when a check failed (by default a failure is only printed, so the notebook's
            later cells still run).

    Raises:
        AssertionError: With ``strict``, after every function was checked, if a check failed; the
            message lists each failed check with what was checked, expected and received.
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
    rows = _rows(targets, loaded, namespace)
    print(summary(rows))
    failures = [f for *_, fs in rows for f in fs]
    if failures and strict:
        raise AssertionError(f"{len(failures)} public check(s) failed:\n" + "\n".join(failures))
