"""Per-student feedback pages, without nbgrader: ``autograder feedback RESULTS --out DIR``.

For every ``<student>/<assignment>/result.json`` under the results folder, one self-contained HTML
page, ``DIR/<assignment>/<student>.html``, safe to hand to that student: their score and status,
then each graded function with its checks. Public checks show their message (what was checked,
what was expected and what was received); a hidden check shows one bit, passed or failed, and its
hint (not the kind of failure, nor whether it could be judged). The page is built from
``result.json`` alone, which holds no hidden input or expected value, and from nothing of other
students.

With ``staff=True`` a second page per student, ``DIR/<assignment>/staff/<student>.html``, adds what
a TA needs to explain a grade: the review flags, every check's category, inputs, expected value,
the value received and the verdict's full message, hidden checks included, from the grader's
``staff.json`` (see :mod:`autograder.grading.staffview`). Staff pages are for staff only.

A page's file name is the submission's :func:`autograder.core.names.safe_id` (distinct names
stay distinct), made distinct ignoring case within an assignment (:func:`page_names`). The pages
are rendered by Jinja2 templates with autoescaping (:data:`autograder.reports.html.ENVIRONMENT`).
"""

from __future__ import annotations

import re
from pathlib import Path

from autograder.core import files, names
from autograder.core.results import CheckResult, SubmissionResult, student_view
from autograder.reports.html import badge, render_page
from autograder.reports.wording import cause_sentence, explanation, join_hint, notes, points


def page_name(submission: str) -> str:
    """A file name for a submission's page: its safe id and ``.html``.

    Args:
        submission: The submission's name, as the student chose it.

    Returns:
        :func:`autograder.core.names.safe_id` of the name, then ``.html``: never hidden, empty or
        outside the folder, and different for different names (case aside: see :func:`page_names`).
    """
    return names.safe_id(submission) + ".html"


def page_names(results: list[SubmissionResult]) -> list[str]:
    """The file names of one assignment's pages, distinct even on a file system that ignores case.

    Args:
        results: The assignment's results, in a fixed order (the first of two names that differ
            only in case keeps its plain :func:`page_name`).

    Returns:
        One name per result, in the same order.
    """
    taken: set[str] = set()
    return [names.distinct(names.safe_id(r.submission), taken, salt=r.submission) + ".html" for r in results]


def _by_function(checks: list[dict], targets: list[str]) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for check, target in zip(checks, targets):
        groups.setdefault(target, []).append(check)
    return [{"target": t, "checks": cs} for t, cs in groups.items()]


def _student_check(c: CheckResult) -> dict:
    """A check as the student sees it: a hidden one only passed or failed, and its hint."""
    passed = c.status == "passed"
    if c.hidden:
        status = "passed" if passed else "failed"
        details = "" if passed else join_hint("hidden check failed", c.hint)
    else:
        status, details = c.status, explanation(c)
    return {
        "id": c.id,
        "hidden": c.hidden,
        "status": status,
        "badge": badge("r", status),
        "points": f"{points(c.points)} / {points(c.max_points)}",
        "details": details,
    }


def _header(result: SubmissionResult) -> dict:
    return {
        "title": f"{result.assignment}: {result.submission}",
        "assignment": result.assignment,
        "submission": result.submission,
        "score": f"{points(result.score)} / {points(result.max_score)}",
        "status": result.status,
        "notes": notes(result),
    }


def render_student(result: SubmissionResult) -> str:
    """The page for the student: their checks, public details and hidden hints, nothing more.

    Args:
        result: The student's result (complete or as ``result.json`` holds it: what the student may
            see is taken from it, :func:`autograder.core.results.student_view`).

    Returns:
        A complete HTML document.
    """
    result = student_view(result)
    functions = _by_function([_student_check(c) for c in result.checks], [c.target for c in result.checks])
    for f in functions:
        mine = [c for c in result.checks if c.target == f["target"]]
        f["score"] = f"{points(sum(c.points for c in mine))} / {points(sum(c.max_points for c in mine))}"
    return render_page("student.html", **_header(result), graded_at=result.graded_at, functions=functions)


def _text(value, empty: str) -> str:
    return empty if value is None or value == "" else str(value)


def _staff_check(c: CheckResult, d) -> dict:
    """Everything about a check, from its result and its ``staff.json`` record ``d``."""
    d = d if isinstance(d, dict) else {}
    inputs = d.get("inputs")
    if isinstance(inputs, dict):
        inputs = "\n".join(f"{k} = {v}" for k, v in inputs.items())
    received = _text(d.get("received"), "(no value came back)")
    if d.get("received_type"):
        received += f" of type {d['received_type']}"
    return {
        "id": c.id,
        "hidden": c.hidden,
        "status": c.status,
        "badge": badge("r", c.status),
        "points": f"{points(c.points)} / {points(c.max_points)}",
        "category": c.category,
        "cause": cause_sentence(c.cause) if c.cause is not None and c.status != "passed" else "",
        "message": _text(d.get("message", c.message), ""),
        "hint": c.hint,
        "inputs": _text(inputs, "(not kept)"),
        "expected": _text(d.get("expected", "(not kept)"), "(not kept)"),
        "received": received,
    }


def render_staff(result: SubmissionResult, staff: dict) -> str:
    """The TA's page: the review flags, and every check's category, inputs, expected and received values.

    Args:
        result: The student's result.
        staff: The grader's ``staff.json`` for it (``{"checks": {id: record}}``; anything else counts as empty).

    Returns:
        A complete HTML document, for staff only.
    """
    details = staff.get("checks", {}) if isinstance(staff, dict) else {}
    details = details if isinstance(details, dict) else {}
    checks = [_staff_check(c, details.get(c.id)) for c in result.checks]
    header = _header(result) | {"title": f"{result.assignment}: {result.submission} (staff)"}
    flags = [str(f) for f in result.flags]
    return render_page(
        "staff.html", **header, flags=flags, functions=_by_function(checks, [c.target for c in result.checks])
    )


def _staff_record(result: SubmissionResult) -> dict:
    """The staff record loaded beside the result (:func:`autograder.core.results.read_full`)."""
    return result.staff if isinstance(result.staff, dict) else {}


def write_feedback(
    results_dir: Path, out_dir: Path, *, staff: bool = False, assignment: str | None = None, adjust=None
) -> list[Path]:
    """Writes one page per student (and per student a staff page when ``staff``).

    Args:
        results_dir: The ``--out`` folder of ``autograder grade``.
        out_dir: Where the pages go: ``out_dir/<assignment>/<page>`` (and ``staff/<page>``), with
            ``<page>`` from :func:`page_names`.
        staff: Also write the staff pages.
        assignment: Only this assignment (default: every one found).
        adjust: Applied to every result (the term's marks and penalties; see
            :func:`autograder.reports.load`).

    Returns:
        The pages written.

    Raises:
        autograder.reports.ReportError: No result.json under ``results_dir``.
    """
    from autograder.reports import load

    results_dir, out_dir = Path(results_dir), Path(out_dir)
    collection = load(results_dir, adjust=adjust)
    written = []
    for name, subs in collection.assignments.items():
        if assignment and name != assignment:
            continue
        folder = out_dir / re.sub(r"[^\w.-]", "_", name).lstrip(".")
        folder.mkdir(parents=True, exist_ok=True)
        for result, page in zip(subs, page_names(subs)):
            files.write_atomic(folder / page, render_student(result).encode("utf-8"))
            written.append(folder / page)
            if staff:
                (folder / "staff").mkdir(exist_ok=True)
                record = _staff_record(result)
                files.write_atomic(folder / "staff" / page, render_staff(result, record).encode("utf-8"))
                written.append(folder / "staff" / page)
    return written
