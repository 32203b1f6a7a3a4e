"""A gradebook an LMS imports as is: one row per student, per-function and total points.

Columns: ``student``, one column per graded function (points earned on its checks), ``total``,
``max_points``, ``percentage`` (0 to 100, two decimals) and ``status``. The first data row,
``student`` = ``max points``, gives each column's maximum, as LMS gradebook imports expect.
"""

from __future__ import annotations

import csv
import io

from autograder.model.results import SubmissionResult
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
    writer.writerow(["student", *targets, "total", "max_points", "percentage", "status"])
    writer.writerow([MAX_ROW, *(points(most[t]) for t in targets), points(total_max), points(total_max), "100", ""])
    for r in results:
        earned = [points(sum(c.points for c in r.checks if c.target == t)) for t in targets]
        pct = f"{100 * r.score / r.max_score:.2f}" if r.max_score else "0.00"
        writer.writerow([r.submission, *earned, points(r.score), points(r.max_score), pct, r.status])
    return buffer.getvalue()
