"""Grading into a folder that already holds results: who gained or lost points, on which checks.

Before a submission's new ``result.json`` is written over an earlier one, the earlier files
(``result.json``, ``staff.json``, ``worker.log``) are moved, when the points differ, to
``earlier/<when it was graded>/`` beside it (names that no report reads as a result), and the
difference is returned as a :class:`Change`. A regrade that changes nothing keeps nothing.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from autograder.core import results
from autograder.core.results import SubmissionResult

EARLIER = "earlier"
KEPT_FILES = (results.RESULT_FILE, results.STAFF_FILE, "worker.log")


@dataclasses.dataclass(frozen=True)
class CheckChange:
    """One check's points before and after (None: the check did not exist then or does not now)."""

    id: str
    before: float | None
    after: float | None


@dataclasses.dataclass(frozen=True)
class Change:
    """A submission whose points changed on a regrade.

    Attributes:
        submission: Its name.
        before: Score of the earlier result.
        after: Score now.
        before_max: Maximum then.
        after_max: Maximum now.
        checks: The checks whose points changed (added and removed checks too).
        kept: Where the earlier result was kept.
    """

    submission: str
    before: float
    after: float
    before_max: float
    after_max: float
    checks: tuple[CheckChange, ...]
    kept: Path


def differences(before: SubmissionResult, after: SubmissionResult) -> tuple[CheckChange, ...]:
    """The checks whose points differ between two results of one submission, in the new order."""
    old = {c.id: float(c.points) for c in before.checks}
    new = {c.id: float(c.points) for c in after.checks}
    ids = list(new) + [i for i in old if i not in new]
    return tuple(CheckChange(i, old.get(i), new.get(i)) for i in ids if old.get(i) != new.get(i))


def _stamp(result: SubmissionResult, folder: Path) -> Path:
    base = re.sub(r"[^0-9A-Za-z]+", "-", result.graded_at).strip("-") or "unknown-time"
    target, n = folder / base, 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}"
    return target


def keep_earlier(path: Path, new: SubmissionResult) -> Change | None:
    """Moves an earlier result at ``path`` aside when ``new`` changes its points, and says how.

    Args:
        path: Where ``new``'s ``result.json`` is about to be written.
        new: The new result.

    Returns:
        The change, or None when there was no readable earlier result or no point changed.
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        before = results.read_full(path)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    checks = differences(before, new)
    if not checks and before.score == new.score and before.max_score == new.max_score:
        return None
    kept = _stamp(before, path.parent / EARLIER)
    kept.mkdir(parents=True)
    for name in KEPT_FILES:
        if (path.parent / name).is_file():
            (path.parent / name).rename(kept / name.replace(".json", ".earlier.json"))
    return Change(new.submission, before.score, new.score, before.max_score, new.max_score, checks, kept)
