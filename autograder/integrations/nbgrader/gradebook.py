"""Writing results into nbgrader's gradebook (through nbgrader's own API), so formgrader shows them.

Each graded function's grade cell (``grade_<function>``, see :mod:`autograder.release.gradecells`) gets
the points the autograder gave; the function's solution cell gets a comment listing its checks
(hidden ones as pass/fail with the hint). The assignment must already be in the gradebook, as
``nbgrader generate_assignment`` leaves it.
"""

from __future__ import annotations

from pathlib import Path

from autograder.core.results import LATE_CATEGORY, MANUAL_CATEGORY, TERM_CATEGORIES, SubmissionResult, student_view
from autograder.release.gradecells import GRADE_PREFIX
from autograder.reports.wording import check_line, explanation


class GradebookError(ValueError):
    """The gradebook lacks the assignment or a cell; the message says which."""


def comment_for(checks) -> str:
    """The comment shown on a function's solution cell in formgrader and in feedback."""
    lines = []
    for c in checks:
        lines.append(check_line(c) + (f": {explanation(c)}" if explanation(c) else ""))
    return "\n".join(lines)


def write(
    results: list[SubmissionResult],
    *,
    db_url: str,
    assignment: str,
    notebook: str | None = None,
    students: dict[str, str] | None = None,
) -> int:
    """Stores each result's per-function points and comments (what the student may see) in the gradebook.

    Args:
        results: The results.
        students: Each result's nbgrader student id, by submission name (default: the submission name).
        db_url: The gradebook, e.g. ``sqlite:///gradebook.db``.
        assignment: The assignment's name in the gradebook.
        notebook: The notebook's name (default: the assignment's).

    Returns:
        The number of submissions written.

    Raises:
        GradebookError: The assignment or one of its grade cells is not in the gradebook.
    """
    from nbgrader.api import Gradebook, MissingEntry

    notebook = notebook or assignment
    with Gradebook(db_url) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise GradebookError(
                f"{db_url}: no assignment {assignment!r}; run `nbgrader generate_assignment {assignment}` first"
            ) from None
        for result in results:
            student = (students or {}).get(result.submission, result.submission)
            result = student_view(result)
            gb.update_or_create_student(student)
            try:
                gb.find_submission(assignment, student)
            except MissingEntry:
                gb.add_submission(assignment, student)
            by_target: dict[str, list] = {}
            for check in result.checks:
                if check.category in TERM_CATEGORIES:
                    _term_row(gb, check, notebook=notebook, assignment=assignment, student=student)
                    continue
                by_target.setdefault(check.target, []).append(check)
            for target, checks in by_target.items():
                try:
                    grade = gb.find_grade(GRADE_PREFIX + target, notebook, assignment, student)
                except MissingEntry:
                    raise GradebookError(
                        f"{db_url}: no grade cell {GRADE_PREFIX + target!r} in {assignment}; "
                        f"run `autograder release {assignment}` and `nbgrader generate_assignment {assignment}`"
                    ) from None
                grade.auto_score = float(sum(c.points for c in checks))
                grade.manual_score = None
                try:
                    comment = gb.find_comment(target, notebook, assignment, student)
                    comment.auto_comment = comment_for(checks)
                except MissingEntry:
                    pass
            gb.db.commit()
    return len(results)


def _term_row(gb, check, *, notebook: str, assignment: str, student: str) -> None:
    """A term's row in nbgrader's own fields: the late penalty on the submitted notebook (``nbgrader
    export`` subtracts it), a mark on the manually graded cell whose id is the question's, if the
    notebook has one (otherwise the mark shows in the autograder's outputs only)."""
    from nbgrader.api import MissingEntry

    if check.category == LATE_CATEGORY:
        gb.find_submission_notebook(notebook, assignment, student).late_submission_penalty = -float(check.points)
        return
    try:
        grade = gb.find_grade(check.target, notebook, assignment, student)
    except MissingEntry:
        return
    grade.manual_score = float(check.points) if check.category == MANUAL_CATEGORY else None
    try:
        gb.find_comment(check.target, notebook, assignment, student).manual_comment = check.message or None
    except MissingEntry:
        pass


class GradebookSink:
    """A batch output (:class:`autograder.batch.sinks.Sink`): every result of the batch in nbgrader's
    gradebook, and each graded notebook in nbgrader's ``autograded/`` tree so that
    ``nbgrader generate_feedback`` works; both written when the batch ends.

    Args:
        db_url: The gradebook, e.g. ``sqlite:///gradebook.db``.
        root: The course folder (``autograded/`` is made there).
        assignment: The assignment's name.
        report: Called with one line per step written (e.g. ``print``).
    """

    def __init__(self, *, db_url: str, root: Path, assignment: str, report=None):
        self.db_url, self.root, self.assignment = db_url, Path(root), assignment
        self.report = report or (lambda line: None)
        self.results: list[SubmissionResult] = []
        self.graded: dict[str, object] = {}

    def add(self, result: SubmissionResult, *, folder, submission=None) -> None:
        """Keeps the result, and the submission that was graded, for :meth:`close`."""
        self.results.append(result)
        if submission is not None:
            self.graded[result.submission] = submission

    def close(self) -> None:
        """Writes the gradebook, then the ``autograded/`` tree.

        Raises:
            GradebookError: The gradebook lacks the assignment or one of its grade cells.
        """
        from autograder.integrations.nbgrader import autograded_tree

        students = {name: getattr(sub, "student", None) or name for name, sub in self.graded.items()}
        count = write(self.results, db_url=self.db_url, assignment=self.assignment, students=students)
        self.report(f"wrote {count} submission(s) into {self.db_url}")
        done = autograded_tree.write_tree(
            {students[r.submission]: self.graded[r.submission] for r in self.results if r.submission in self.graded},
            root=self.root,
            assignment=self.assignment,
            release=autograded_tree.release_notebook(self.root, self.assignment),
        )
        self.report(f"wrote {len(done)} notebook(s) into {self.root / 'autograded'} (for `nbgrader generate_feedback`)")
