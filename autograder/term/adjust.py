"""A term's records applied to results: the scores every output shows.

:func:`load` reads ``grading.yml`` and the term's records; :meth:`Term.apply` makes, from an
automatic result, the result with its manual questions and late penalty. The automatic
``result.json`` is never changed: marks, due dates and extensions may change after grading, and
every output (reports, feedback pages, the LMS CSV, Gradescope's and nbgrader's) applies the term
when it is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from autograder.core import config
from autograder.core.results import LATE_CATEGORY, MANUAL_CATEGORY, UNMARKED_CATEGORY, CheckResult, SubmissionResult
from autograder.term import deadlines, records

MANUAL_PREFIX = "manual."
LATE_ID = "late.penalty"


class TermError(ValueError):
    """The course's configuration or the term's records have problems (each with file and line)."""


@dataclasses.dataclass(frozen=True)
class Term:
    """A course's term: each assignment's settings, the marks given by hand and the extensions.

    Attributes:
        configs: Each assignment's settings (``manual``, ``due``, ``late``).
        marks: Marks by (assignment, student, question).
        extensions: Extensions by (assignment, student).
    """

    configs: dict[str, config.AssignmentConfig]
    marks: dict[tuple[str, str, str], records.Mark] = dataclasses.field(default_factory=dict)
    extensions: dict[tuple[str, str], records.Extension] = dataclasses.field(default_factory=dict)

    def applies(self) -> bool:
        """Whether anything in the term changes a result (a manual question or a due date)."""
        return any(c.manual or c.due is not None for c in self.configs.values())

    def apply(self, result: SubmissionResult) -> SubmissionResult:
        """The result as every output shows it: manual questions and late penalty included.

        A manual question without a mark is a row of 0 points with status ``error`` and category
        ``unmarked``. A late submission under a penalty policy loses that fraction of the points
        it earned (automatic and manual), as a ``late.penalty`` row of negative points; late under
        ``per: none``, the row says how late, for 0 points. A result already applied is returned
        as it is.
        """
        cfg = self.configs.get(result.assignment)
        if cfg is None or any(c.id == LATE_ID or c.id.startswith(MANUAL_PREFIX) for c in result.checks):
            return result
        rows = [self._manual_row(result.submission, cfg, q) for q in cfg.manual]
        earned = result.score + sum(r.points for r in rows)
        most = result.max_score + sum(r.max_points for r in rows)
        flags = list(result.flags)
        late = self.late(result)
        if cfg.due is not None and not result.submitted_at:
            flags.append("no-submission-time: nothing says when this was submitted; no lateness applied")
        if late is not None:
            penalty = round(earned * late.fraction, 6)
            rows.append(
                CheckResult(
                    LATE_ID, "late", "failed", -penalty, 0.0, False, _late_message(late, cfg, penalty), LATE_CATEGORY
                )
            )
            earned -= penalty
        return dataclasses.replace(
            result, checks=[*result.checks, *rows], score=max(0.0, round(earned, 6)), max_score=most, flags=flags
        )

    def late(self, result: SubmissionResult) -> deadlines.Late | None:
        """How late a result's submission was under its assignment's policy, or None."""
        cfg = self.configs.get(result.assignment)
        if cfg is None:
            return None
        extension = self.extensions.get((result.assignment, result.submission))
        due = extension.due if extension else cfg.due
        submitted = deadlines.parse_time(result.submitted_at) if result.submitted_at else None
        return deadlines.lateness(submitted, due, cfg.late, extended=extension is not None)

    def _manual_row(self, student: str, cfg: config.AssignmentConfig, question: str) -> CheckResult:
        q = cfg.manual[question]
        mark = self.marks.get((cfg.name, student, question))
        if mark is None:
            return CheckResult.not_judged(
                id=MANUAL_PREFIX + question,
                target=question,
                max_points=q.points,
                hidden=False,
                hint=q.title,
                message="not marked yet",
                category=UNMARKED_CATEGORY,
            )
        status = "passed" if mark.points >= q.points else "failed"
        return CheckResult(
            MANUAL_PREFIX + question,
            question,
            status,
            mark.points,
            q.points,
            False,
            mark.comment,
            MANUAL_CATEGORY,
            q.title,
        )

    def strays(self, students: dict[str, set[str]]) -> list[str]:
        """Marks and extensions for a student with no result (a typo in a name), one line each.

        Args:
            students: Each assignment's submission names.
        """
        out = [
            f"{m.where}: no result of {a} is named {s!r}"
            for (a, s, _), m in self.marks.items()
            if a in students and s not in students[a]
        ]
        out += [
            f"{e.where}: no result of {a} is named {s!r}"
            for (a, s), e in self.extensions.items()
            if a in students and s not in students[a]
        ]
        return out


View = Callable[[SubmissionResult], SubmissionResult]


def with_flags(view: View | None, flags: dict[tuple[str, str], list[str]]) -> View | None:
    """``view`` (or no change) followed by extra review flags per (assignment, submission), such as
    those of a similarity report; staff views show review flags, students' never do."""
    if not flags:
        return view

    def flagged(result: SubmissionResult) -> SubmissionResult:
        result = view(result) if view is not None else result
        extra = flags.get((result.assignment, result.submission))
        return dataclasses.replace(result, flags=[*result.flags, *extra]) if extra else result

    return flagged


def _late_message(late: deadlines.Late, cfg: config.AssignmentConfig, penalty: float) -> str:
    due = late.due.strftime("%Y-%m-%d %H:%M %Z") + (" (extension)" if late.extended else "")
    head = f"submitted {deadlines.said(late)} after the due date, {due}"
    policy = cfg.late
    if policy.per == "none" or not late.units:
        return f"{head}: no penalty"
    unit = policy.per + ("s" if late.units != 1 else "")
    capped = " (the cap)" if late.fraction == policy.cap and policy.penalty * late.units > policy.cap else ""
    return (
        f"{head}: {late.units} started {unit} at {policy.penalty:.0%} each, {late.fraction:.0%}{capped} "
        f"of the points earned: -{penalty:g}"
    )


def load(root: Path) -> Term:
    """The term of the course at ``root``: ``grading.yml`` and the records under ``term/``.

    Raises:
        TermError: ``grading.yml`` does not load, or a record has problems (all of them, one per line).
    """
    root = Path(root)
    try:
        configs = config.load(root / config.GRADING_FILE)
    except config.ConfigError as err:
        raise TermError(str(err)) from None
    folder = root / records.TERM_FOLDER
    problems: list[str] = []
    marks: dict[tuple[str, str, str], records.Mark] = {}
    manual = folder / records.MANUAL_FOLDER
    for path in sorted(manual.glob("*.csv")) if manual.is_dir() else ():
        cfg = configs.get(path.stem)
        if cfg is None:
            problems.append(f"{path}: {path.stem!r} is not an assignment of grading.yml")
            continue
        for mark in records.read_marks(path, cfg, problems):
            marks[cfg.name, mark.student, mark.question] = mark
    extensions = {}
    if (folder / records.EXTENSIONS_FILE).is_file():
        for ext in records.read_extensions(folder / records.EXTENSIONS_FILE, configs, problems):
            extensions[ext.assignment, ext.student] = ext
    if problems:
        raise TermError(f"{len(problems)} problem(s) in the term's records:\n" + "\n".join(problems))
    return Term(configs, marks, extensions)
