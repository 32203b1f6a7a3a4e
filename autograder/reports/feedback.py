"""Per-student feedback pages, without nbgrader: ``autograder feedback RESULTS --out DIR``.

For every ``<student>/<assignment>/result.json`` under the results folder, one self-contained HTML
page, ``DIR/<assignment>/<student>.html``, safe to hand to that student: their score and status,
then each graded function with its checks. Public checks show their message (what was checked,
what was expected and what was received); hidden checks show only passed or not, the kind of
failure and the hint. The page is built from ``result.json`` alone, which holds no hidden input or
expected value, and from nothing of other students.

With ``staff=True`` a second page per student, ``DIR/<assignment>/staff/<student>.html``, adds what
a TA needs to explain a grade: every check's inputs, expected value, the value received and the
verdict's full message, hidden checks included, from the grader's ``staff.json`` (see
:mod:`autograder.grading.staffview`). Staff pages are for staff only.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from autograder.model import files
from autograder.model.results import STAFF_FILE, SubmissionResult
from autograder.reports.wording import explanation, join_hint, points

_CSS = """
body { margin: 0; background: #f5f6f8; color: #1d2330; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 26px 0 8px; }
p.meta { color: #5b6475; margin: 0 0 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #d9dde5; table-layout: fixed; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e6e9ef; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f6; font-size: 13px; }
td.details, pre { white-space: pre-wrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; margin: 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.r-passed { background: #2e7d4f; } .r-failed { background: #c0392b; } .r-error { background: #7b1f1f; }
.note { color: #7a4a00; } .staff { background: #fff4d6; border: 1px solid #e0c36a; padding: 6px 10px; border-radius: 6px; }
"""


def _e(text) -> str:
    return escape(str(text), quote=True)


def page_name(submission: str) -> str:
    """A file name for a submission's page (letters, digits, ``_.-``; never hidden or empty)."""
    return (re.sub(r"[^A-Za-z0-9_.-]", "_", submission).lstrip(".") or "submission") + ".html"


def _by_function(result: SubmissionResult) -> dict[str, list]:
    groups: dict[str, list] = {}
    for check in result.checks:
        groups.setdefault(check.target, []).append(check)
    return groups


def _student_details(c) -> str:
    if c.status == "passed":
        return ""
    if c.hidden:  # never the message: only the kind of failure and the hint
        what = "failed" if c.status == "failed" else "could not be judged"
        return join_hint(f"hidden check {what} ({c.category})", c.hint)
    return explanation(c)


def _page(title: str, head: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body><main>",
            head,
            *body,
            "</main></body></html>",
            "",
        ]
    )


def render_student(result: SubmissionResult) -> str:
    """The page for the student: their checks, public details and hidden hints, nothing more."""
    head = (
        f"<h1>{_e(result.assignment)}: feedback for {_e(result.submission)}</h1>"
        f'<p class="meta">Score {points(result.score)} / {points(result.max_score)}; status {_e(result.status)}'
        f"{'; graded ' + _e(result.graded_at) if result.graded_at else ''}.</p>"
    )
    body = []
    if result.message:
        body.append(f'<p class="note">{_e(result.message)}</p>')
    if result.problems:
        body.append('<ul class="note">' + "".join(f"<li>{_e(p)}</li>" for p in result.problems) + "</ul>")
    for target, checks in _by_function(result).items():
        got, most = sum(c.points for c in checks), sum(c.max_points for c in checks)
        body.append(f"<h2><code>{_e(target)}</code>: {points(got)} / {points(most)}</h2>")
        body.append(
            '<table><colgroup><col style="width:30%"><col style="width:10%"><col style="width:9%"><col style="width:51%"></colgroup>'
            "<thead><tr><th>check</th><th>result</th><th>points</th><th>what was checked, expected and received</th></tr></thead><tbody>"
        )
        for c in checks:
            body.append(
                f"<tr><td><code>{_e(c.id)}</code>{' (hidden)' if c.hidden else ''}</td>"
                f'<td><span class="badge r-{_e(c.status)}">{_e(c.status)}</span></td>'
                f'<td>{points(c.points)} / {points(c.max_points)}</td><td class="details">{_e(_student_details(c))}</td></tr>'
            )
        body.append("</tbody></table>")
    body.append(
        '<p class="meta">Hidden checks use inputs you never see; they show whether they passed, with a hint.</p>'
    )
    return _page(f"{result.assignment}: {result.submission}", head, body)


def render_staff(result: SubmissionResult, staff: dict) -> str:
    """The TA's page: the student's page plus every check's inputs, expected and received values."""
    head = (
        f"<h1>{_e(result.assignment)}: {_e(result.submission)} (staff view)</h1>"
        '<p class="staff">For staff only: shows hidden checks\' inputs and values. Do not send it to the student.</p>'
        f'<p class="meta">Score {points(result.score)} / {points(result.max_score)}; status {_e(result.status)}.</p>'
    )
    details = staff.get("checks", {}) if isinstance(staff, dict) else {}
    body = []
    if result.message:
        body.append(f'<p class="note">{_e(result.message)}</p>')
    for target, checks in _by_function(result).items():
        body.append(f"<h2><code>{_e(target)}</code></h2>")
        for c in checks:
            d = details.get(c.id, {})
            inputs = "\n".join(f"{k} = {v}" for k, v in (d.get("inputs") or {}).items()) or "(not kept)"
            body.append(
                f"<h3><code>{_e(c.id)}</code>{' (hidden)' if c.hidden else ''}: "
                f'<span class="badge r-{_e(c.status)}">{_e(c.status)}</span> {points(c.points)} / {points(c.max_points)}</h3>'
                "<table><tbody>"
                f'<tr><th>message</th><td class="details">{_e(d.get("message", c.message))}</td></tr>'
                f"<tr><th>inputs</th><td><pre>{_e(inputs)}</pre></td></tr>"
                f"<tr><th>expected</th><td><pre>{_e(d.get('expected', '(not kept)'))}</pre></td></tr>"
                f"<tr><th>received</th><td><pre>{_e(d.get('received') or '(no value came back)')}"
                f"{' of type ' + _e(d['received_type']) if d.get('received_type') else ''}</pre></td></tr>"
                "</tbody></table>"
            )
    return _page(f"{result.assignment}: {result.submission} (staff)", head, body)


def write_feedback(
    results_dir: Path, out_dir: Path, *, staff: bool = False, assignment: str | None = None
) -> list[Path]:
    """Writes one page per student (and per student a staff page when ``staff``).

    Args:
        results_dir: The ``--out`` folder of ``autograder grade``.
        out_dir: Where the pages go: ``out_dir/<assignment>/<student>.html`` (and ``staff/``).
        staff: Also write the staff pages.
        assignment: Only this assignment (default: every one found).

    Returns:
        The pages written.

    Raises:
        autograder.reports.ReportError: No result.json under ``results_dir``.
    """
    from autograder.reports import load

    results_dir, out_dir = Path(results_dir), Path(out_dir)
    collection = load(results_dir)
    written = []
    for name, subs in collection.assignments.items():
        if assignment and name != assignment:
            continue
        folder = out_dir / re.sub(r"[^\w.-]", "_", name).lstrip(".")
        folder.mkdir(parents=True, exist_ok=True)
        for result in subs:
            path = folder / page_name(result.submission)
            files.write_atomic(path, render_student(result).encode("utf-8"))
            written.append(path)
            if staff:
                record_path = results_dir / result.submission / name / STAFF_FILE
                try:
                    record = json.loads(record_path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    record = {}
                (folder / "staff").mkdir(exist_ok=True)
                spath = folder / "staff" / page_name(result.submission)
                files.write_atomic(spath, render_staff(result, record).encode("utf-8"))
                written.append(spath)
    return written
