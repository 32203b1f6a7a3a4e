"""TAs' reports on a folder of graded results: gradebook CSV, HTML report and Markdown summary.

``write_reports(results_dir, out_dir)`` reads every ``result.json`` under ``results_dir`` (the
layout is ``<submission>/<assignment>/result.json``; several assignments may share the folder) and
writes, per assignment ``NAME``:

- ``gradebook-NAME.csv``: one row per submission, with its status and the points of every check
  (:mod:`autograder.reports.csvbook`);
- ``report-NAME.html``: one self-contained page with the score distribution, pass rate per check,
  item analysis and one section per submission (:mod:`autograder.reports.html`);
- ``summary-NAME.md``: a summary without names for a course forum
  (:mod:`autograder.reports.markdown`);
- ``lms-NAME.csv`` for an LMS import (:mod:`autograder.reports.lms`), and ``unmarked-NAME.csv``,
  the questions marked by hand that have no mark yet, when the assignment has such questions.

Given ``adjust`` (the term's :meth:`autograder.term.adjust.Term.apply`, which the CLI hands in),
every result is shown as the term makes it: marks given by hand and late penalties included.

The numbers come from :mod:`autograder.reports.stats`, over complete results (``result.json`` with
its ``staff.json``, :func:`autograder.core.results.read_full`: the TA sees why hidden checks
failed); the per-submission pages are what the student may see. A ``result.json`` that cannot be
read is skipped and listed in the HTML report.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from autograder.core import files, results
from autograder.core.results import MANUAL_CATEGORIES, TERM_CATEGORIES, SubmissionResult

from . import csvbook, html, lms, markdown, stats

__all__ = ["ReportError", "Collection", "Unreadable", "load", "write_reports"]


class ReportError(ValueError):
    """There is nothing to report on; the message names the folder."""


@dataclasses.dataclass(frozen=True)
class Unreadable:
    """A ``result.json`` that was skipped.

    Attributes:
        path: The file, relative to the results folder.
        reason: Why it could not be read.
        assignment: The assignment its folder names (``<submission>/<assignment>/result.json``),
            or empty when the layout does not say.
    """

    path: Path
    reason: str
    assignment: str


@dataclasses.dataclass(frozen=True)
class Collection:
    """The results under a folder.

    Attributes:
        assignments: Each assignment's results, sorted by submission name.
        unreadable: The files that were skipped.
    """

    assignments: dict[str, list[SubmissionResult]]
    unreadable: list[Unreadable]

    def unreadable_for(self, assignment: str) -> list[Unreadable]:
        """The skipped files that belong to an assignment, or that cannot be told apart.

        Args:
            assignment: An assignment's name.

        Returns:
            The files whose folder names this assignment, and those whose folder names no
            assignment with readable results.
        """
        return [u for u in self.unreadable if u.assignment == assignment or u.assignment not in self.assignments]


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _validate(result: SubmissionResult) -> None:
    """Raises ValueError if a result lacks what the reports rely on (wrong types in the JSON)."""
    for name in ("assignment", "submission"):
        if not isinstance(getattr(result, name), str) or not getattr(result, name):
            raise ValueError(f"{name} must be a non-empty string")
    for name in ("status", "message"):
        if not isinstance(getattr(result, name), str):
            raise ValueError(f"{name} must be a string")
    if not (_is_number(result.score) and _is_number(result.max_score)):
        raise ValueError("score and max_score must be numbers")
    if not isinstance(result.problems, list) or not all(isinstance(p, str) for p in result.problems):
        raise ValueError("problems must be a list of strings")
    for check in result.checks:
        if not all(
            isinstance(getattr(check, f), str) for f in ("id", "target", "status", "message", "category", "hint")
        ):
            raise ValueError(f"check {check.id!r}: id, target, status, message, category and hint must be strings")
        if not (_is_number(check.points) and _is_number(check.max_points)) or not isinstance(check.hidden, bool):
            raise ValueError(f"check {check.id!r}: points and max_points must be numbers and hidden a boolean")


Adjust = Callable[[SubmissionResult], SubmissionResult]
"""A result as every output shows it (the term's marks and penalties applied), or None: as graded."""


def load(results_dir: Path, *, adjust: Adjust | None = None) -> Collection:
    """Reads every ``result.json`` under a folder.

    Args:
        results_dir: The folder (searched recursively).
        adjust: Applied to every result read.

    Returns:
        The readable results grouped by assignment, and the files that were skipped.

    Raises:
        ReportError: The folder does not exist or holds no ``result.json``.
    """
    results_dir = Path(results_dir)
    if not results_dir.is_dir():
        raise ReportError(f"{results_dir}: no such folder of results")
    paths = sorted(results_dir.rglob("result.json"))
    if not paths:
        raise ReportError(f"{results_dir}: no result.json found (expected <submission>/<assignment>/result.json)")
    grouped: dict[str, list[tuple[str, str, SubmissionResult]]] = {}
    unreadable = []
    for path in paths:
        rel = path.relative_to(results_dir)
        try:
            result = results.read_full(path)
            _validate(result)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as err:
            guess = rel.parts[-2] if len(rel.parts) >= 3 else ""
            unreadable.append(Unreadable(rel, f"{type(err).__name__}: {err}", guess))
            continue
        if adjust is not None:
            result = adjust(result)
        grouped.setdefault(result.assignment, []).append((result.submission, str(rel), result))
    assignments = {
        name: [r for _, _, r in sorted(items, key=lambda t: t[:2])] for name, items in sorted(grouped.items())
    }
    return Collection(assignments, unreadable)


def _file_stem(assignment: str) -> str:
    """The assignment's name made safe for a file name."""
    return re.sub(r"[^\w.-]", "_", assignment).lstrip(".") or "assignment"


def is_blank(result: SubmissionResult) -> bool:
    """Whether a submission is the untouched release: every check of its code not implemented (the
    term's rows, a question marked by hand or a late penalty, aside)."""
    code = [c for c in result.checks if c.category not in TERM_CATEGORIES]
    return bool(code) and all(c.category == "not-implemented" for c in code)


def write_reports(
    results_dir: Path,
    out_dir: Path,
    *,
    skip_blank: bool = False,
    members: bool = False,
    by_function: bool = False,
    adjust: Adjust | None = None,
) -> dict[str, Path]:
    """Writes the gradebook CSVs, the HTML report, one page per submission and the Markdown summary
    of each assignment.

    Args:
        results_dir: Where the ``result.json`` files are (``<submission>/<assignment>/result.json``,
            searched recursively).
        out_dir: Where the reports go (created if needed).
        skip_blank: Leave out submissions that are the blank release (every check not implemented).
        members: In the HTML item analysis, list who is in each common-mistake group.
        by_function: In the HTML pass-rate table, group the checks by graded function.
        adjust: Applied to every result (the term's marks and penalties).

    Returns:
        Each written file's name (``gradebook-NAME.csv``, ``lms-NAME.csv``, ``report-NAME.html``,
        ``summary-NAME.md``, and ``report-NAME/<submission>.html``, one per submission, the page
        :func:`autograder.reports.feedback.render_student` makes) and its path.

    Raises:
        ReportError: The folder holds no ``result.json``, or none that could be read.
    """
    results_dir, out_dir = Path(results_dir), Path(out_dir)
    collection = load(results_dir, adjust=adjust)
    if not collection.assignments:
        skipped = ", ".join(str(u.path) for u in collection.unreadable)
        raise ReportError(f"{results_dir}: no result.json could be read ({skipped})")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    from autograder.reports import feedback

    for assignment, subs in collection.assignments.items():
        if skip_blank:
            subs = [r for r in subs if not is_blank(r)]
            if not subs:
                continue
        summary = stats.summarize(assignment, subs)
        check_ids = stats.check_order(subs)
        stem = _file_stem(assignment)
        own = {r.submission: f"report-{stem}/{page}" for r, page in zip(subs, feedback.page_names(subs))}
        pages = {
            f"gradebook-{stem}.csv": csvbook.render(subs, check_ids),
            f"lms-{stem}.csv": lms.render(subs),
            f"report-{stem}.html": html.render(
                summary,
                subs,
                collection.unreadable_for(assignment),
                source=results_dir.name,
                pages=own,
                members=members,
                by_function=by_function,
            ),
            f"summary-{stem}.md": markdown.render(summary),
        }
        if any(c.category in MANUAL_CATEGORIES for r in subs for c in r.checks):
            pages[f"unmarked-{stem}.csv"] = csvbook.render_unmarked(subs)
        (out_dir / f"report-{stem}").mkdir(exist_ok=True)
        pages.update({own[r.submission]: feedback.render_student(r) for r in subs})
        for name, text in pages.items():
            path = out_dir / name
            files.write_atomic(path, text.encode("utf-8"))
            written[name] = path
    return written
