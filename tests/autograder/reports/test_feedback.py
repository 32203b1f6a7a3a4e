"""Per-student pages: safe for the student (no hidden message, input or other student), and the staff view."""

from __future__ import annotations

import json

from autograder import cli
from autograder.model import results
from autograder.model.results import CheckResult, SubmissionResult
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
    assert "hidden check could not be judged (raised). Hint: mind the zeros" in ann and ">error<" in ann
    assert SECRET not in ann and "ben" not in ann
    staff = (tmp_path / "pages" / "a0" / "staff" / "ann.html").read_text()
    assert SECRET in staff and "For staff only" in staff
    assert feedback.page_name("../x y") == "_x_y.html"
