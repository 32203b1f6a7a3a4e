"""Per-student pages: safe for the student (no hidden message, input or other student), and the staff view."""

from __future__ import annotations

import html
import json
import re
import urllib.parse

from autograder import cli, reports
from autograder.core import results
from autograder.core.names import safe_id
from autograder.core.results import CheckResult, SubmissionResult
from autograder.reports import feedback

SECRET = "SECRET-INPUT-0.4375"


def _result(name: str) -> SubmissionResult:
    checks = [
        CheckResult(
            "f.values",
            "f",
            "failed",
            0.0,
            2.0,
            False,
            "f(x) for x of shape (2,): expected 1.5, received 2.5",
            "values",
            "add one",
        ),
        CheckResult(
            "f.hidden", "f", "error", 0.0, 3.0, True, f"f raised ValueError: {SECRET}", "raised", "mind the zeros"
        ),
        CheckResult("g.values", "g", "passed", 1.0, 1.0, False),
    ]
    return SubmissionResult("a0", name, 1.0, 6.0, "ok", "", checks, [], {})


def test_student_pages_and_staff_pages(tmp_path, capsys):
    out = tmp_path / "results"
    for name in ("ann", "ben"):
        path = results.write(_result(name), out / name / "a0" / "result.json")
        (path.parent / "staff.json").write_text(
            json.dumps(
                {
                    "checks": {
                        "f.hidden": {
                            "inputs": {"x": f"array(2,) float64: [{SECRET}]"},
                            "expected": "1.0",
                            "received": None,
                            "message": f"ValueError: {SECRET}",
                        }
                    }
                }
            )
        )
    assert cli.main(["feedback", str(out), "--out", str(tmp_path / "pages"), "--staff"]) == 0
    assert "wrote 2 student page(s) and as many staff pages" in capsys.readouterr().out
    ann = (tmp_path / "pages" / "a0" / "ann.html").read_text()
    assert "expected 1.5, received 2.5" in ann  # public: expected and received
    assert "hidden check failed. Hint: mind the zeros" in ann  # one bit and the hint
    assert ">error<" not in ann and "(raised)" not in ann and "could not be judged" not in ann
    assert SECRET not in ann and "ben" not in ann
    staff = (tmp_path / "pages" / "a0" / "staff" / "ann.html").read_text()
    assert SECRET in staff and "For staff only" in staff
    assert feedback.page_name("../x y") == "%2E.%2Fx%20y.html"


def _named(name: str, *, flags: tuple[str, ...] = ()) -> SubmissionResult:
    result = _result(name)
    result.flags = list(flags)
    return result


def _h1(page: str) -> str:
    return html.unescape(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))


def test_names_that_collide_get_distinct_pages(tmp_path):
    """'a b' and 'a_b' (one page before: the lossy name map) and 'Alice' and 'alice' (one file on a
    file system that ignores case) each get their own page, student and staff."""
    out = tmp_path / "results"
    names = ["Alice", "a b", "a_b", "alice"]
    for k, name in enumerate(names):
        results.write(_named(name), out / f"s{k}" / "a0" / "result.json")
    written = feedback.write_feedback(out, tmp_path / "pages", staff=True)
    students = [p for p in written if p.parent.name == "a0"]
    staff = [p for p in written if p.parent.name == "staff"]
    assert len(students) == len(staff) == 4
    assert len({p.name.casefold() for p in students}) == 4  # distinct even ignoring case
    assert sorted(p.name for p in staff) == sorted(p.name for p in students)
    shown = {p.name: _h1(p.read_text(encoding="utf-8")).removeprefix("a0: feedback for ") for p in students}
    assert sorted(shown.values()) == sorted(names)  # no page overwrote another
    for p in staff:  # a staff page has the name of the same student's page
        assert _h1(p.read_text(encoding="utf-8")) == f"a0: {shown[p.name]} (staff view)"
    assert shown["Alice.html"] == "Alice" and shown["a%20b.html"] == "a b" and shown["a_b.html"] == "a_b"
    assert feedback.page_names([_named("Alice"), _named("alice")])[1].startswith("alice-")


def test_report_links_each_submission_to_its_own_page(tmp_path):
    out = tmp_path / "results"
    for k, name in enumerate(["a b", "a_b", "x/../y"]):
        results.write(_named(name), out / f"s{k}" / "a0" / "result.json")
    written = reports.write_reports(out, tmp_path / "out")
    page = written["report-a0.html"].read_text(encoding="utf-8")
    links = [urllib.parse.unquote(h) for h in re.findall(r'href="([^"#][^"]*)"', page)]
    assert len(links) == 3 and len(set(links)) == 3
    for link in links:
        own = written[link].read_text(encoding="utf-8")
        name = _h1(own).removeprefix("a0: feedback for ")
        assert link == f"report-a0/{safe_id(name)}.html"


def _hidden_result() -> SubmissionResult:
    checks = [
        CheckResult("f.public", "f", "failed", 0.0, 1.0, False, "f(x): expected 1, received 2", "values", "add one"),
        CheckResult("f.secret_a", "f", "failed", 0.0, 2.0, True, "shape (3,) but (4,)", "shape", "keep the axis"),
        CheckResult("f.secret_b", "f", "error", 0.0, 2.0, True, f"ValueError: {SECRET}", "raised", "mind the zeros"),
        CheckResult("f.secret_c", "f", "error", 0.0, 2.0, True, "ran for more than 10 s", "timeout", ""),
        CheckResult("f.secret_d", "f", "passed", 1.0, 1.0, True, "", "ok", "never shown"),
    ]
    return SubmissionResult("a0", "ann", 1.0, 8.0, "ok", "", checks, [], {})


def _rows(page: str) -> dict[str, tuple[str, str]]:
    """Each check row of a student page: id -> (result badge, details), unescaped."""
    rows = re.findall(
        r'<tr><td><code>([^<]*)</code>.*?<span class="badge[^>]*>([^<]*)</span>.*?<td class="details">(.*?)</td>', page
    )
    return {html.unescape(i): (html.unescape(b), html.unescape(d)) for i, b, d in rows}


def test_hidden_check_shows_the_student_one_bit_and_its_hint_and_the_staff_everything():
    result = _hidden_result()
    student = feedback.render_student(result)
    rows = _rows(student)
    assert rows["f.secret_a"] == ("failed", "hidden check failed. Hint: keep the axis")
    assert rows["f.secret_b"] == ("failed", "hidden check failed. Hint: mind the zeros")  # an error is a failure
    assert rows["f.secret_c"] == ("failed", "hidden check failed")  # no hint to give
    assert rows["f.secret_d"] == ("passed", "")
    assert rows["f.public"] == ("failed", "f(x): expected 1, received 2. Hint: add one")
    for word in ("shape", "raised", "timeout", "could not be judged", "error", SECRET, "10 s", "never shown"):
        assert word not in student.partition("</style>")[2], word
    staff = feedback.render_staff(result, {"checks": {"f.secret_b": {"message": f"full: {SECRET}", "expected": "0.5"}}})
    for category in ("shape", "raised", "timeout"):
        assert f"<tr><th>category</th><td>{category}</td></tr>" in staff
    assert f"full: {SECRET}" in staff and "<pre>0.5</pre>" in staff and "shape (3,) but (4,)" in staff
    assert ">error<" in staff and "ran for more than 10 s" in staff


def test_staff_page_shows_the_review_flags():
    flags = ("reference-verbatim: the graded code is the reference solution", "name-collision: renamed from ann")
    result = _named("ann", flags=flags)
    staff = feedback.render_staff(result, {})
    box = re.search(r'<div class="flags"><strong>Review:</strong><ul>(.*?)</ul></div>', staff).group(1)
    assert re.findall(r"<li>(.*?)</li>", box) == list(flags)
    assert "reference-verbatim" not in feedback.render_student(result)  # for staff only
