"""The class gradebook as CSV: one row per submission, one column per check."""

from __future__ import annotations

import csv
import io

from autograder.model.results import SubmissionResult
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
        submission has no result for that check.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*FIXED_COLUMNS, *check_ids])
    for result in results:
        earned = {c.id: points(c.points) for c in result.checks}
        writer.writerow(
            [
                result.submission,
                points(result.score),
                points(result.max_score),
                result.status,
                *(earned.get(i, "") for i in check_ids),
            ]
        )
    return buffer.getvalue()
