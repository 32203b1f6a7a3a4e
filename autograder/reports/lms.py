"""A gradebook an LMS imports as is: one row per student, per-function and total points.

Columns: ``student``, one column per graded function (points earned on its checks), ``total``,
``max_points``, ``percentage`` (0 to 100, two decimals) and ``status``. The first data row,
``student`` = ``max points``, gives each column's maximum, as LMS gradebook imports expect.

No student can pose as that row: a submission's name is a safe id (the grader's intake makes it
one, :func:`autograder.core.names.safe_id`), which has no space, and a name in a result that is
not one (a hand-edited or foreign ``result.json``) is made one here. Every cell goes through
:func:`autograder.reports.untrusted.csv_cell` (no spreadsheet formula, no control character).
"""

from __future__ import annotations

import csv
import io

from autograder.core.results import SubmissionResult
from autograder.reports.csvbook import submission_name
from autograder.reports.untrusted import csv_cell
from autograder.reports.wording import points

MAX_ROW = "max points"


def functions(results: list[SubmissionResult]) -> list[str]:
    """The graded functions, in the order their checks first appear."""
    return list(dict.fromkeys(c.target for r in results for c in r.checks))


def render(results: list[SubmissionResult]) -> str:
    """The CSV text (header, the max-points row, one row per submission)."""
    targets = functions(results)
    most: dict[str, float] = {}
    for r in results:
        for t in targets:
            most[t] = max(most.get(t, 0.0), sum(c.max_points for c in r.checks if c.target == t))
    total_max = max((r.max_score for r in results), default=0.0)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = [
        ["student", *targets, "total", "max_points", "percentage", "status"],
        [MAX_ROW, *(points(most[t]) for t in targets), points(total_max), points(total_max), "100", ""],
    ]
    for r in results:
        earned = [points(sum(c.points for c in r.checks if c.target == t)) for t in targets]
        pct = f"{100 * r.score / r.max_score:.2f}" if r.max_score else "0.00"
        rows.append([submission_name(r.submission), *earned, points(r.score), points(r.max_score), pct, r.status])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
