"""The class similarity report for staff: an HTML page with flagged pairs side by side, and a CSV of
every pair (from :class:`autograder.audit.similarity.Similarity`; formatting only).

Every name and line of code is student-controlled: the page goes through the autoescaping
:data:`autograder.reports.html.ENVIRONMENT`, CSV cells through
:func:`autograder.reports.untrusted.csv_cell`.
"""

from __future__ import annotations

import csv
import io

from autograder.reports.csvbook import submission_name
from autograder.reports.html import render_page
from autograder.reports.untrusted import csv_cell


def _parts(source: str, slices) -> list[dict]:
    """The source cut into stretches, each marked as matching the other submission or not."""
    out, at = [], 0
    for start, end in sorted(slices):
        start, end = max(start, at), min(end, len(source))
        if start > at:
            out.append({"text": source[at:start], "hit": False})
        if end > start:
            out.append({"text": source[start:end], "hit": True})
            at = end
    out.append({"text": source[at:], "hit": False})
    return out


def _share(x: float) -> str:
    return f"{100 * x:.0f}%"


def render_html(report, *, threshold: float, most: int = 30, listed: float = 0.2, k: int = 25, window: int = 4) -> str:
    """The staff page: the ``most`` most similar pairs at or above ``threshold`` side by side, and
    every pair at or above ``listed`` in a table."""
    flagged = [
        {
            "a": submission_name(p.a),
            "b": submission_name(p.b),
            "similarity": _share(p.similarity),
            "share_a": _share(p.share_a),
            "share_b": _share(p.share_b),
            "parts_a": _parts(report.codes[p.a].source, p.slices_a),
            "parts_b": _parts(report.codes[p.b].source, p.slices_b),
        }
        for p in report.above(threshold)[:most]
    ]
    rows = [
        {"a": submission_name(p.a), "b": submission_name(p.b), "similarity": _share(p.similarity)}
        for p in report.above(listed)
    ]
    return render_page(
        "similarity.html",
        title=f"Similarity: {report.assignment}",
        assignment=report.assignment,
        n_codes=len(report.codes),
        n_pairs=len(report.pairs),
        skipped=report.skipped,
        flagged=flagged,
        n_flagged=len(report.above(threshold)),
        threshold=_share(threshold),
        listed=_share(listed),
        listed_pairs=rows,
        k=k,
        window=window,
    )


def render_csv(report) -> str:
    """``rank, a, b, similarity, share_a, share_b``: every pair, most similar first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["rank", "a", "b", "similarity", "share_a", "share_b"])
    for n, p in enumerate(report.pairs, 1):
        row = [
            n,
            submission_name(p.a),
            submission_name(p.b),
            f"{p.similarity:.4f}",
            f"{p.share_a:.4f}",
            f"{p.share_b:.4f}",
        ]
        writer.writerow([csv_cell(str(cell)) for cell in row])
    return buffer.getvalue()
