"""Plain-text tables for the terminal (formatting lives here, not in the results).

Every table cell goes through :func:`autograder.reports.untrusted.terminal_line` and every message
through :func:`~autograder.reports.untrusted.terminal`: a submission's name or a message built from
a student's code cannot move the cursor, overwrite a line, reorder text or write a hyperlink.
"""

from __future__ import annotations

import textwrap

from autograder.core.results import SubmissionResult
from autograder.reports.untrusted import terminal, terminal_line
from autograder.reports.wording import explanation, mark, notes
from autograder.reports.wording import points as _pts


def _table(rows: list[list[str]]) -> str:
    rows = [[terminal_line(cell) for cell in r] for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def student_table(result: SubmissionResult, *, width: int = 100) -> str:
    """The self-check report: one line per check (result, points, id), then its message, wrapped."""
    lines = [
        f"{terminal_line(result.assignment)}: {_pts(result.score)} / {_pts(result.max_score)} points"
        + (" on the public checks" if result.checks and not any(c.hidden for c in result.checks) else ""),
        "",
    ]
    said = [terminal(n) for n in notes(result)]  # the cause first: a cell that did not run explains the checks below
    if said:
        lines.extend(textwrap.fill(f"note: {n}", width=width, subsequent_indent="      ") for n in said)
        lines.append("")
    for c in result.checks:
        # a table: points right-aligned in a column of their own, as before the hint had a field
        lines.append(
            f"{mark(c.status):<5} {_pts(c.points):>3}/{_pts(c.max_points):<3} {terminal_line(c.id)}"
            f"{'  (hidden)' if c.hidden else ''}"
        )
        if explanation(c):  # newlines and tabs kept, for textwrap to make spaces of them
            lines.extend(
                textwrap.wrap(
                    terminal(explanation(c)), width=width, initial_indent="      ", subsequent_indent="      "
                )
            )
    if result.checks and not any(c.hidden for c in result.checks):
        lines += ["", "Hidden checks are graded after you submit."]
    return "\n".join(lines) + "\n"


def scores_table(results: list[SubmissionResult]) -> str:
    """One line per submission: score, status, the checks that did not pass and the review flags
    (their codes; the TA report has their explanations)."""
    rows = [["submission", "score", "status", "seconds", "not passed", "review"]]
    for r in results:
        failed = [c.id for c in r.checks if c.status != "passed"]
        shown = ", ".join(failed[:4]) + (f" (+{len(failed) - 4})" if len(failed) > 4 else "")
        if r.status == "invalid":  # nothing was run: the reason, not every check's id
            shown = f"not graded: {r.message or 'the notebook could not be read'}"
        review = ", ".join(dict.fromkeys(f.split(":")[0] for f in r.flags)) or "-"
        rows.append(
            [r.submission, f"{_pts(r.score)}/{_pts(r.max_score)}", r.status, f"{r.seconds:.1f}", shown or "-", review]
        )
    return _table(rows)


def examples_table(rows) -> str:
    """The bundled examples: score, the checks that failed, and whether that was intended."""
    table = [["assignment", "submission", "score", "seconds", "as intended", "not passed"]]
    for r in rows:
        failed = ", ".join(r.failed[:3]) + (f" (+{len(r.failed) - 3})" if len(r.failed) > 3 else "")
        table.append(
            [
                r.assignment,
                r.example,
                f"{_pts(r.score)}/{_pts(r.max_score)}",
                f"{r.seconds:.1f}",
                "yes" if r.as_intended else f"NO: {r.note}",
                failed or "-",
            ]
        )
    good = sum(r.as_intended for r in rows)
    return _table(table) + f"\n\n{good} of {len(rows)} submissions graded as intended"


def rule_scores(scores) -> str:
    """``autograder examples``: each assignment's rule score, and the rules whose mistake got through."""
    lines = []
    for s in scores:
        share = f"{s.caught / s.total:.0%}" if s.total else "-"
        lines.append(f"{s.assignment}: rule score {share} ({s.caught} of {s.total} rules caught by their mistake)")
        lines += [f"  not caught: {says!r}" for says in s.missed]
    return "\n".join(lines)


def mutation_table(report) -> str:
    """``autograder mutants``: a table per function, the survivors' diffs, equivalents and warnings."""

    def score(f) -> str:
        return "-" if f.score is None else f"{f.score:.1%}"

    rows = [["function", "mutants", "killed", "survived", "equivalent", "not compiled", "not run", "score"]]
    for f in [*report.functions, report.total()]:
        rows.append(
            [
                f.function,
                str(f.mutants),
                str(f.killed),
                str(f.survived),
                str(f.equivalent),
                str(f.not_compiled),
                str(f.not_run),
                score(f),
            ]
        )
    total = report.total()
    lines = [
        f"{terminal_line(report.assignment)}: mutation score {score(total)} ({total.killed} killed / "
        f"{total.killed + total.survived} non-equivalent mutants; {total.equivalent} equivalent) in {report.seconds:g} s",
        "",
        _table(rows),
    ]
    survivors = [m for m in report.mutants if m.verdict == "survived"]
    if survivors:
        lines += ["", f"Survivors ({len(survivors)}): full marks on their function's checks", ""]
        for m in survivors:
            lines += [terminal_line(f"{m.id}  ({m.description})"), terminal(m.diff.rstrip("\n")), ""]
    equivalent = [m for m in report.mutants if m.verdict == "equivalent"]
    if equivalent:
        lines += ["", f"Equivalent survivors ({len(equivalent)}), not counted:"]
        lines += [f"  {terminal_line(m.id)}: {terminal(m.reason)}" for m in equivalent]
    if report.warnings:
        lines += ["", "Warnings:"] + [f"  {terminal(w)}" for w in report.warnings]
    return "\n".join(lines).rstrip() + "\n"


def _signed(x: float) -> str:
    return ("+" if x > 0 else "") + _pts(x)


def regrade_table(changes, *, graded: int) -> str:
    """Who gained or lost points on a regrade, and on which checks (``changes``: the
    :class:`autograder.batch.regrade.Change` of each submission whose points changed)."""
    rows = [["submission", "before", "after", "change", "checks"]]
    for ch in sorted(changes, key=lambda c: (c.after - c.before, c.submission)):
        said = ", ".join(
            f"{c.id} {'-' if c.before is None else _pts(c.before)}->{'-' if c.after is None else _pts(c.after)}"
            for c in ch.checks
        )
        rows.append(
            [
                ch.submission,
                f"{_pts(ch.before)}/{_pts(ch.before_max)}",
                f"{_pts(ch.after)}/{_pts(ch.after_max)}",
                _signed(ch.after - ch.before),
                said,
            ]
        )
    gained = sum(1 for c in changes if c.after > c.before)
    lost = sum(1 for c in changes if c.after < c.before)
    head = (
        f"regrade: {len(changes)} of {graded} submission(s) changed ({gained} gained, {lost} lost points); "
        f"earlier results kept in <submission>/<assignment>/earlier/"
    )
    return head + "\n" + _table(rows)
