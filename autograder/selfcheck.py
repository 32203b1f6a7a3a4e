"""The public checks, run from inside a student's notebook.

``check("sigmoid")`` in a notebook runs the public checks of ``sigmoid`` from the files released
beside the notebook, with the same inputs, expected values and verdicts as ``autograder check``
and the real grader, and raises ``AssertionError`` with the messages if one fails. It runs in the
student's kernel, so it is a convenience: grades come from ``autograder grade``.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from autograder import assignment as assignment_mod
from autograder import determinism, engine
from autograder.worker import run_check


def release_folder(folder: Path) -> Path:
    """The folder with the public fixtures: ``folder`` itself, or, for an instructor working in
    ``solutions/NAME``, the matching ``assignments/NAME``."""
    folder = folder.resolve()
    if (folder / assignment_mod.FIXTURES).is_file():
        return folder
    sibling = folder.parent.parent / "assignments" / folder.name
    return sibling if (sibling / assignment_mod.FIXTURES).is_file() else folder


def check(target: str, namespace: dict | None = None, *, folder: str | Path = ".") -> int:
    """Runs the public checks of ``target`` on the caller's definitions and prints a summary.

    Args:
        target: The graded function's name.
        namespace: Where ``target`` is defined (default: the caller's globals).
        folder: The release folder holding ``public_expected.npz`` (default: the working directory).

    Returns:
        The number of checks passed.

    Raises:
        AssertionError: A check failed; the message says what was checked, expected and received.
    """
    if namespace is None:
        namespace = inspect.currentframe().f_back.f_globals
    loaded = assignment_mod.load_release(release_folder(Path(folder)))
    mine = [c for c in loaded.checks if c.target == target]
    if not mine:
        raise ValueError(f"no public check for {target!r}; known: {sorted({c.target for c in loaded.checks})}")
    prepared = engine.prepare(loaded, mine, digest="", reference=None)
    failures, passed = [], 0
    for p in prepared:
        request = {"target": target, "probe": p.check.probe_spec(), "inputs": p.inputs, "seed": p.seed, "timeout_s": p.timeout_s}
        record = run_check(request, namespace)
        result = engine.judge(p, record, loaded.settings(p.check), hint=p.check.hint)
        if result.status == "passed":
            passed += 1
        else:
            failures.append(f"{p.check.id}: {result.message}")
    determinism.apply(0)
    print(f"{target}: {passed} of {len(prepared)} public checks passed")
    if failures:
        raise AssertionError("\n".join(failures))
    return passed
