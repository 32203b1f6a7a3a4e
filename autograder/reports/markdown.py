"""The Markdown summary for a course forum: class statistics and the checks most often missed.

It names no submission and quotes no message, only the checks' hints, so it can be posted as is.
Every text taken from the results (the assignment, statuses, check ids, hints) is made plain text
first (:func:`autograder.reports.untrusted.markdown`, or a code span that no text can leave), so
none can form a link, an image, HTML, emphasis or a table break.
"""

from __future__ import annotations

from autograder.reports.untrusted import markdown, terminal_line
from autograder.reports.wording import points

from .stats import AssignmentStats

MOST_MISSED = 10
"""How many checks the summary lists."""


def _cell(text: str) -> str:
    """Text made plain for a Markdown paragraph or table cell: one line (whitespace runs made one
    space), every special character escaped (:func:`autograder.reports.untrusted.markdown`)."""
    return markdown(" ".join(str(text).split()))


def _code(text: str) -> str:
    """Text as a code span in a table cell: one line, no backtick to close it, pipes escaped (a
    table's escape, which holds in a code span too), control characters escaped; nothing in a
    code span is read as Markdown."""
    one_line = terminal_line(" ".join(str(text).split()))
    return "`" + one_line.replace("`", "'").replace("|", "\\|") + "`"


def render(summary: AssignmentStats, *, most_missed: int = MOST_MISSED) -> str:
    """The summary's text.

    Args:
        summary: The assignment's statistics.
        most_missed: How many of the checks most often missed to list.

    Returns:
        Markdown: the number graded, mean and median score, the submissions per status, and a
        table of the checks most often missed with their pass rate and hint.
    """
    dist = summary.distribution
    top = dist.max_score
    pct = f" ({dist.mean / top:.0%})" if top else ""
    lines = [
        f"# {_cell(summary.assignment)}: class summary",
        "",
        f"- Submissions graded: {summary.n}",
        f"- Mean score: {dist.mean:.2f} / {points(top)}{pct}",
        f"- Median score: {dist.median:g} / {points(top)}",
        "",
        "| status | submissions |",
        "|---|---:|",
        *(f"| {_cell(status)} | {count} |" for status, count in summary.status_counts.items()),
        "",
        "## Checks most often missed",
        "",
    ]
    missed = summary.most_missed(most_missed)
    if not missed:
        lines.append("Every submission passed every check.")
    else:
        lines += ["| check | points | visibility | pass rate | not passed | hint |", "|---|---:|---|---:|---:|---|"]
        for c in missed:
            lines.append(
                f"| {_code(c.id)} | {points(c.max_points)} | {'hidden' if c.hidden else 'public'} "
                f"| {c.pass_rate:.0%} ({c.n_passed}/{c.n}) | {c.n_failed} | {_cell(c.hint) or '-'} |"
            )
        rest = len(summary.most_missed()) - len(missed)
        if rest > 0:
            lines += ["", f"{rest} more check(s) were missed by fewer submissions."]
    return "\n".join(lines) + "\n"
