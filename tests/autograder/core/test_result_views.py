"""autograder.core.results: what a student sees of a result (student_view, one_bit, to_dict, result.json),
what staff keep (staff.json, read_full), and the complete wire form between processes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from autograder.core import results
from autograder.core.results import CheckResult, SubmissionResult

SECRET = "expected [[31337.5]] for x=[[4242.25]]"
FAILURE_CATEGORIES = ["values", "raised", "timeout", "memory", "disk", "crashed", "type", "not-implemented", "requires"]


def _public_failed() -> CheckResult:
    return CheckResult(
        "double.values", "double", "failed", 0.0, 1.0, False, "double(x): expected 2.0, got 3.0", "values", "2 * x"
    )


def _public_passed() -> CheckResult:
    return CheckResult("scale.values", "scale", "passed", 2.0, 2.0, False, "", "ok", "z * SCALE")


def _hidden(
    status: str = "failed", category: str = "values", message: str = SECRET, points: float = 0.0
) -> CheckResult:
    return CheckResult("double.hidden", "double", status, points, 3.0, True, message, category, "keep the shape")


def _hidden_passed() -> CheckResult:
    return CheckResult("scale.hidden", "scale", "passed", 1.5, 1.5, True, "", "ok", "")


def _result(**changes) -> SubmissionResult:
    base = SubmissionResult(
        assignment="toy",
        submission="alice",
        score=3.5,
        max_score=7.5,
        status="timeout",
        message="a hidden worker ran out of time on " + SECRET,
        checks=[_public_failed(), _public_passed(), _hidden(), _hidden_passed()],
        problems=["cell 'scale' is missing"],
        environment={"python": "3.11", "device": "cpu"},
        seconds=12.75,
        graded_at="2024-06-11T10:00:00Z",
        submission_sha256="ab" * 32,
        flags=["name-collision: x"],
        worker_log="Traceback ... " + SECRET,
        staff={
            "public": {"status": "ok", "message": ""},
            "checks": {"double.hidden": {"inputs": {"x": [[4242.25]]}, "expected": [[31337.5]]}},
        },
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize("category", FAILURE_CATEGORIES)
@pytest.mark.parametrize("status", ["failed", "error"])
@pytest.mark.parametrize("message", [SECRET, "", "timed out after 3 s", "MemoryError"])
def test_a_failed_hidden_check_shows_one_bit(category, status, message):
    check = _hidden(status, category, message, points=0.5)
    seen = results.one_bit(check)
    assert seen.status == "failed"
    assert seen.category == results.HIDDEN_CATEGORY == "hidden"
    assert seen.message == "hidden check on double failed"
    assert (seen.points, seen.max_points, seen.hint) == (0.5, 3.0, "keep the shape")
    assert (seen.id, seen.target, seen.hidden) == ("double.hidden", "double", True)
    assert check.category == category and check.message == message  # the original is untouched


def test_a_failed_hidden_check_names_its_own_target():
    check = dataclasses.replace(_hidden(), id="scale.hidden", target="scale")
    assert results.one_bit(check).message == "hidden check on scale failed"


@pytest.mark.parametrize("leftover", [("", "ok"), ("passed with a warning " + SECRET, "values")])
def test_a_passed_hidden_check_shows_only_that_it_passed(leftover):
    message, category = leftover
    check = _hidden("passed", category, message, points=3.0)
    seen = results.one_bit(check)
    assert (seen.status, seen.category, seen.message) == ("passed", "ok", "")
    assert (seen.points, seen.hint) == (3.0, "keep the shape")


@pytest.mark.parametrize("check", [_public_failed(), _public_passed()])
def test_public_checks_are_unchanged(check):
    assert results.one_bit(check) == check
    assert results.student_view(_result(checks=[check])).checks == [check]


def test_student_view_hides_hidden_details_and_staff_parts():
    full = _result()
    seen = results.student_view(full)
    assert seen.checks[0] == _public_failed() and seen.checks[1] == _public_passed()
    assert (seen.checks[2].status, seen.checks[2].category, seen.checks[2].message) == (
        "failed",
        "hidden",
        "hidden check on double failed",
    )
    assert (seen.checks[3].status, seen.checks[3].category, seen.checks[3].message) == ("passed", "ok", "")
    assert (seen.seconds, seen.worker_log, seen.staff) == (0.0, "", {})
    assert SECRET not in repr(dataclasses.asdict(seen))
    # the rest is the student's
    assert (seen.score, seen.max_score, seen.problems, seen.flags) == (
        3.5,
        7.5,
        ["cell 'scale' is missing"],
        ["name-collision: x"],
    )
    assert (seen.assignment, seen.submission, seen.graded_at, seen.submission_sha256) == (
        "toy",
        "alice",
        full.graded_at,
        full.submission_sha256,
    )
    # and the complete result is untouched
    assert full == _result()


def test_the_submissions_status_comes_from_the_public_workers():
    seen = results.student_view(_result())
    assert (seen.status, seen.message) == ("ok", "")


def test_a_public_status_alone_keeps_the_full_message():
    seen = results.student_view(_result(staff={"public": {"status": "crashed"}}, message="the worker crashed"))
    assert (seen.status, seen.message) == ("crashed", "the worker crashed")


@pytest.mark.parametrize("staff", [{}, {"checks": {}}, {"public": {}}])
def test_without_a_public_record_the_status_is_the_full_one(staff):
    seen = results.student_view(_result(staff=staff, status="memory", message="out of memory"))
    assert (seen.status, seen.message) == ("memory", "out of memory")


def test_to_dict_is_the_students_view_without_staff_keys():
    data = results.to_dict(_result())
    assert not {"seconds", "worker_log", "staff"} & set(data)
    assert data["status"] == "ok" and data["message"] == ""
    hidden = data["checks"][2]
    assert (hidden["status"], hidden["category"], hidden["message"]) == (
        "failed",
        "hidden",
        "hidden check on double failed",
    )
    assert hidden["points"] == 0.0 and hidden["hint"] == "keep the shape"
    assert data["checks"][0]["message"] == _public_failed().message
    assert SECRET not in json.dumps(data)
    assert data["flags"] == ["name-collision: x"] and data["problems"] == ["cell 'scale' is missing"]


def test_write_puts_the_students_view_in_result_json_and_the_rest_in_staff_json(tmp_path: Path):
    full = _result()
    path = results.write(full, tmp_path / "out" / "alice" / results.RESULT_FILE)
    assert path == tmp_path / "out" / "alice" / "result.json"
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text and "12.75" not in text
    data = json.loads(text)
    assert data == results.to_dict(full)

    staff = json.loads((path.parent / results.STAFF_FILE).read_text(encoding="utf-8"))
    sub = staff["submission"]
    assert (sub["status"], sub["message"], sub["seconds"]) == ("timeout", full.message, 12.75)
    assert sub["checks"] == [dataclasses.asdict(c) for c in full.checks]
    assert sub["checks"][2]["category"] == "values" and sub["checks"][2]["message"] == SECRET
    assert staff["public"] == {"status": "ok", "message": ""}
    assert staff["checks"] == full.staff["checks"]
    assert full == _result()  # writing changes nothing

    log = path.parent / "worker.log"
    assert SECRET in log.read_text(encoding="utf-8")
    results.write(_result(worker_log=""), path)
    assert not log.exists()


def test_read_gives_the_students_view(tmp_path: Path):
    path = results.write(_result(), tmp_path / results.RESULT_FILE)
    seen = results.read(path)
    expected = results.student_view(_result())
    assert seen == expected
    assert (seen.status, seen.message, seen.seconds, seen.staff) == ("ok", "", 0.0, {})
    assert seen.checks[2].category == "hidden"


def test_read_full_gives_back_the_complete_result(tmp_path: Path):
    full = _result()
    path = results.write(full, tmp_path / results.RESULT_FILE)
    back = results.read_full(path)
    assert back.checks == full.checks
    assert (back.checks[2].category, back.checks[2].message, back.checks[2].status) == ("values", SECRET, "failed")
    assert (back.status, back.message, back.seconds) == ("timeout", full.message, 12.75)
    assert back.staff == full.staff and "submission" not in back.staff
    assert back.worker_log == ""  # worker.log is its own file
    assert back == dataclasses.replace(full, worker_log="")


def test_read_full_keeps_an_error_status_of_a_hidden_check(tmp_path: Path):
    full = _result(checks=[_public_passed(), _hidden("error", "timeout", "timed out after 3 s")])
    back = results.read_full(results.write(full, tmp_path / results.RESULT_FILE))
    assert back.checks == full.checks and back.checks[1].status == "error"
    assert results.read(tmp_path / results.RESULT_FILE).checks[1].status == "failed"


def _written(tmp_path: Path) -> tuple[Path, SubmissionResult]:
    path = results.write(_result(), tmp_path / results.RESULT_FILE)
    return path, results.read(path)


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'"text"',
        b"null",
    ],
    ids=[
        "missing",
        "empty",
        "bad-json",
        "not-utf8",
        "list",
        "string",
        "null",
    ],
)
def test_read_full_without_a_readable_staff_record_is_the_students_view(tmp_path: Path, content):
    path, student = _written(tmp_path)
    staff = path.with_name(results.STAFF_FILE)
    staff.unlink()
    if content is not None:
        staff.write_bytes(content)
    assert results.read_full(path) == student


@pytest.mark.parametrize("submission", ["absent", 5, None, "text"])
def test_read_full_of_a_staff_record_without_the_complete_result(tmp_path: Path, submission):
    """An older staff.json (per-check record only): the student's view, with that record."""
    path, student = _written(tmp_path)
    record = {"public": {"status": "ok"}, "checks": {"double.hidden": {"expected": [[1.0]]}}}
    if submission != "absent":
        record["submission"] = submission
    path.with_name(results.STAFF_FILE).write_text(json.dumps(record), encoding="utf-8")
    back = results.read_full(path)
    assert back.checks == student.checks and back.checks[2].category == "hidden"
    assert (back.status, back.message, back.seconds) == ("ok", "", 0.0)
    assert back.staff == {"public": {"status": "ok"}, "checks": {"double.hidden": {"expected": [[1.0]]}}}


def test_read_full_with_a_folder_for_staff_json_is_the_students_view(tmp_path: Path):
    path, student = _written(tmp_path)
    staff = path.with_name(results.STAFF_FILE)
    staff.unlink()
    staff.mkdir()
    assert results.read_full(path) == student


@pytest.mark.parametrize("change", ["renamed", "dropped", "added", "reordered"])
def test_read_full_with_other_checks_is_the_students_view(tmp_path: Path, change):
    """A staff.json that belongs to another grading (check ids differ) is not mixed into this result."""
    path, student = _written(tmp_path)
    staff_path = path.with_name(results.STAFF_FILE)
    staff = json.loads(staff_path.read_text(encoding="utf-8"))
    checks = staff["submission"]["checks"]
    if change == "renamed":
        checks[2]["id"] = "double.other"
    elif change == "dropped":
        del checks[2]
    elif change == "added":
        checks.append(dict(checks[0], id="extra.values"))
    else:
        checks.reverse()
    staff_path.write_text(json.dumps(staff), encoding="utf-8")
    back = results.read_full(path)
    assert back.checks == student.checks
    assert (back.status, back.message, back.seconds) == (student.status, student.message, student.seconds)


def test_to_wire_and_from_wire_round_trip_everything():
    full = _result()
    wire = results.to_wire(full)
    assert wire["worker_log"] == full.worker_log and wire["staff"] == full.staff and wire["seconds"] == 12.75
    assert wire["checks"][2]["message"] == SECRET and wire["status"] == "timeout"
    back = results.from_wire(json.loads(json.dumps(wire)))
    assert back == full
    assert back.checks[2].category == "values" and back.staff["public"] == {"status": "ok", "message": ""}
    assert all(isinstance(c, CheckResult) for c in back.checks)


def test_from_wire_of_an_empty_staff_part():
    wire = results.to_wire(_result(worker_log="", staff={}))
    wire["worker_log"] = None
    wire["staff"] = None
    back = results.from_wire(wire)
    assert (back.worker_log, back.staff) == ("", {})
