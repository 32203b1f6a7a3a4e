"""The class gradebook as CSV: one row per submission, one column per check.

Every cell goes through :func:`autograder.reports.untrusted.csv_cell` (no spreadsheet formula, no
control character), and a submission name that is not already a safe id through
:func:`autograder.core.names.safe_id`.
"""

from __future__ import annotations

import csv
import io

from autograder.core import names
from autograder.core.results import UNMARKED_CATEGORY, SubmissionResult
from autograder.reports.untrusted import csv_cell
from autograder.reports.wording import points

FIXED_COLUMNS = ("submission", "score", "max_score", "status")
"""The columns before the checks' (whose headers are the check ids)."""


def render(results: list[SubmissionResult], check_ids: list[str]) -> str:
    """The gradebook's text.

    Args:
        results: One assignment's results, in the order of the rows.
        check_ids: The check columns, in order (see :func:`autograder.reports.stats.check_order`).

    Returns:
        CSV with a header row (``submission, score, max_score, status``, then the check ids) and one
        row per submission giving the points earned on each check; a cell is empty where a
        submission has no result for that check. Text from the results is made safe for a
        spreadsheet (see the module docstring).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(cell) for cell in (*FIXED_COLUMNS, *check_ids)])
    for result in results:
        earned = {c.id: points(c.points) for c in result.checks}
        row = [
            submission_name(result.submission),
            points(result.score),
            points(result.max_score),
            result.status,
            *(earned.get(i, "") for i in check_ids),
        ]
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def submission_name(name: str) -> str:
    """A submission's name as a CSV file shows it.

    Args:
        name: The ``submission`` of a result.

    Returns:
        The name as it is when it is a safe id (what the grader's intake gives every submission),
        else its :func:`~autograder.core.names.safe_id` (a hand-edited or foreign result): never a
        space, so no row can pose as a special one such as the LMS file's ``max points``.
    """
    name = str(name)
    return name if names.is_safe_id(name) else names.safe_id(name)


def render_unmarked(results: list[SubmissionResult]) -> str:
    """The questions marked by hand that have no mark yet: ``submission, question, points, title``,
    one row each (a header only when every mark is in)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["submission", "question", "points", "title"])
    for result in results:
        for c in result.checks:
            if c.category == UNMARKED_CATEGORY:
                row = [submission_name(result.submission), c.target, points(c.max_points), c.hint]
                writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()
