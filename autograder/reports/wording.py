"""The words every writer uses for one check: its mark, its points, its line, its explanation.

A check's result keeps its message and its hint apart (:class:`autograder.core.results.CheckResult`);
the text a reader sees joins them here, once, for every writer: the terminal, the HTML pages, the
nbgrader comments and grade cells, Gradescope, the self-check and the pytest plugin.
"""

from __future__ import annotations

from autograder.core.results import Cause, CheckResult, SubmissionResult

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


def cause_sentence(cause: Cause) -> str:
    """``logistic_forward calls sigmoid, which failed sigmoid.values: fix sigmoid first`` (longer
    chains name each call; ``this check runs forward, ...`` when the check's probe calls it), and
    whether the check's points were waived for it."""
    if cause.by_check:
        calls = ", which calls ".join([f"this check runs {cause.path[0]}", *cause.path[1:]])
    else:
        calls = ", which calls ".join([f"{cause.path[0]} calls {cause.path[1]}", *cause.path[2:]])
    text = f"{calls}, which failed {cause.check}: fix {cause.function} first"
    return text if cause.charged else text + " (these points are not taken for it: the course waives such failures)"


def explanation(check: CheckResult) -> str:
    """What a reader is told about a check that did not pass: its cause (a graded function it calls
    failed first) unless the message already names it, its message, then its hint; empty for a
    passed check."""
    if check.status == "passed":
        return ""
    text = join_hint(check.message, check.hint)
    if check.cause is None or check.cause.check in check.message:
        return text
    return f"{cause_sentence(check.cause)}. {text}" if text else cause_sentence(check.cause)


def check_line(check: CheckResult, *, align: bool = False) -> str:
    """One line per check: mark, points, id, ``(hidden)``, as nbgrader comments and grade cells
    print it (``align`` pads the mark to a column, as the terminal does)."""
    head = f"{mark(check.status):<5}" if align else mark(check.status)
    return f"{head} {fraction(check.points, check.max_points)} {check.id}{' (hidden)' if check.hidden else ''}"


def notes(result: SubmissionResult) -> list[str]:
    """What a reader is told of the submission before its checks, the cause first: the notebook's
    problems (a cell that did not run, an edited locked cell, ...), then the submission's message
    unless it repeats one of them (an unreadable notebook's reason is both)."""
    problems = [str(p) for p in result.problems if p]
    return problems + ([result.message] if result.message and result.message not in problems else [])
