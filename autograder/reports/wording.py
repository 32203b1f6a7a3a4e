"""The words every writer uses for one check: its mark, its points, its line, its explanation.

A check's result keeps its message and its hint apart (:class:`autograder.core.results.CheckResult`);
the text a reader sees joins them here, once, for every writer: the terminal, the HTML pages, the
nbgrader comments and grade cells, Gradescope, the self-check and the pytest plugin.
"""

from __future__ import annotations

from autograder.core.results import CheckResult

MARKS = {"passed": "PASS", "failed": "FAIL"}


def mark(status: str) -> str:
    """``PASS``, ``FAIL``, or ``ERROR`` for a check that could not be judged."""
    return MARKS.get(status, "ERROR")


def points(x: float) -> str:
    """Points as a reader writes them: ``2``, ``0.5``, ``1.25``."""
    return f"{x:g}"


def fraction(got: float, out_of: float) -> str:
    """``got/out_of`` in points."""
    return f"{points(got)}/{points(out_of)}"


def join_hint(message: str, hint: str) -> str:
    """A message followed by its hint: ``<message>. Hint: <hint>`` (no second full stop)."""
    if hint and message:
        return f"{message}{' ' if message.endswith(('.', '?', '!')) else '. '}Hint: {hint}"
    return message or hint


def explanation(check: CheckResult) -> str:
    """What a reader is told about a check that did not pass: its message, then its hint; empty
    for a passed check."""
    if check.status == "passed":
        return ""
    return join_hint(check.message, check.hint)


def check_line(check: CheckResult, *, align: bool = False) -> str:
    """One line per check: mark, points, id, ``(hidden)``, as nbgrader comments and grade cells
    print it (``align`` pads the mark to a column, as the terminal does)."""
    head = f"{mark(check.status):<5}" if align else mark(check.status)
    return f"{head} {fraction(check.points, check.max_points)} {check.id}{' (hidden)' if check.hidden else ''}"
