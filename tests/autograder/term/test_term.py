"""The term's records and what they do to a result: marks given by hand, due dates, extensions, penalties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from autograder.core import config
from autograder.core.results import CheckResult, SubmissionResult
from autograder.term import adjust, deadlines

UTC = dt.timezone.utc
GRADING = """
seed: s
late: {per: day, penalty: 0.1, cap: 0.3}
assignments:
  hw:
    due: 2026-10-12T23:59:00+00:00
    manual:
      explain: {points: 2, title: "Explain the plot"}
      derive: {points: 3}
    checks:
      f.values: {points: 10}
  other:
    checks:
      g.values: {points: 1}
"""


def course(tmp_path: Path, grading: str = GRADING, marks: str | None = None, extensions: str | None = None) -> Path:
    (tmp_path / "grading.yml").write_text(grading)
    if marks is not None:
        (tmp_path / "term" / "manual").mkdir(parents=True)
        (tmp_path / "term" / "manual" / "hw.csv").write_text(marks)
    if extensions is not None:
        (tmp_path / "term").mkdir(exist_ok=True)
        (tmp_path / "term" / "extensions.csv").write_text(extensions)
    return tmp_path


def result(student: str, score: float, submitted_at: str = "", assignment: str = "hw") -> SubmissionResult:
    check = CheckResult("f.values", "f", "passed" if score == 10 else "failed", score, 10.0, False)
    return SubmissionResult(assignment, student, score, 10.0, "ok", "", [check], [], {}, submitted_at=submitted_at)


MARKS = 'student,question,points,comment\nalice,explain,1.5,"good, but short"\nalice,derive,3,\nbob,explain,0,missing\n'


def test_marks_become_rows_and_unmarked_questions_say_so(tmp_path):
    term = adjust.load(course(tmp_path, marks=MARKS))
    alice = term.apply(result("alice", 8, "2026-10-12T10:00:00+00:00"))
    rows = {c.id: c for c in alice.checks}
    assert (rows["manual.explain"].points, rows["manual.explain"].max_points) == (1.5, 2)
    assert rows["manual.explain"].message == "good, but short" and rows["manual.explain"].status == "failed"
    assert rows["manual.derive"].status == "passed" and rows["manual.derive"].category == "manual"
    assert (alice.score, alice.max_score) == (12.5, 15)
    bob = term.apply(result("bob", 10, "2026-10-12T10:00:00+00:00"))
    derive = {c.id: c for c in bob.checks}["manual.derive"]
    assert (derive.category, derive.status, derive.points, derive.message) == (
        "unmarked",
        "error",
        0.0,
        "not marked yet",
    )
    assert (bob.score, bob.max_score) == (10, 15)
    assert term.apply(bob) is bob  # applied once only


@pytest.mark.parametrize(
    "submitted, fraction, units",
    [
        ("2026-10-12T23:59:00+00:00", 0.0, None),  # at the due date: on time
        ("2026-10-13T00:00:01+00:00", 0.1, 1),  # one second late: one started day
        ("2026-10-14T00:00:00+00:00", 0.2, 2),
        ("2026-10-20T00:00:00+00:00", 0.3, 8),  # capped
        ("2026-10-13T01:59:00+02:00", 0.0, None),  # 23:59 UTC, written with an offset: on time
        ("2026-10-13T02:00:00+02:00", 0.1, 1),  # a minute later
    ],
)
def test_a_late_submission_loses_the_policys_fraction_of_what_it_earned(tmp_path, submitted, fraction, units):
    term = adjust.load(course(tmp_path, marks=MARKS))
    late = term.late(result("alice", 8, submitted))
    when = dt.datetime.fromisoformat(submitted)
    if when <= dt.datetime(2026, 10, 12, 23, 59, tzinfo=UTC):
        assert late is None
        return
    assert (late.units, late.fraction) == (units, fraction)
    shown = term.apply(result("alice", 8, submitted))
    penalty = {c.id: c for c in shown.checks}["late.penalty"]
    assert penalty.points == pytest.approx(-12.5 * fraction) and penalty.max_points == 0
    assert shown.score == pytest.approx(12.5 * (1 - fraction))
    assert "after the due date, 2026-10-12 23:59 UTC" in penalty.message


def test_an_extension_moves_the_due_date_for_one_student_only(tmp_path):
    term = adjust.load(course(tmp_path, extensions="student,assignment,due\nalice,hw,2026-10-14T23:59:00+00:00\n"))
    assert term.late(result("alice", 10, "2026-10-14T12:00:00+00:00")) is None
    late = term.late(result("bob", 10, "2026-10-14T12:00:00+00:00"))
    assert late.units == 2 and not late.extended
    after = term.apply(result("alice", 10, "2026-10-15T01:00:00+00:00"))
    assert "(extension)" in {c.id: c for c in after.checks}["late.penalty"].message


@pytest.mark.parametrize(
    "policy, submitted, points, said",
    [
        ("{per: hour, penalty: 0.05, cap: 1}", "2026-10-13T02:30:00+00:00", -10 * 0.15, "3 started hours at 5% each"),
        ("{per: day, penalty: 0.1, grace_minutes: 15}", "2026-10-13T00:10:00+00:00", None, ""),  # within grace
        ("{per: none}", "2026-10-20T00:00:00+00:00", 0.0, "no penalty"),
    ],
)
def test_other_policies(tmp_path, policy, submitted, points, said):
    grading = GRADING.replace("late: {per: day, penalty: 0.1, cap: 0.3}", f"late: {policy}").replace(
        '    manual:\n      explain: {points: 2, title: "Explain the plot"}\n      derive: {points: 3}\n', ""
    )
    shown = adjust.load(course(tmp_path, grading)).apply(result("alice", 10, submitted))
    rows = {c.id: c for c in shown.checks}
    if points is None:
        assert "late.penalty" not in rows and shown.score == 10
    else:
        assert rows["late.penalty"].points == pytest.approx(points) and said in rows["late.penalty"].message


def test_no_submission_time_is_flagged_not_penalised(tmp_path):
    shown = adjust.load(course(tmp_path)).apply(result("alice", 10, ""))
    assert shown.score == 10 and any(f.startswith("no-submission-time") for f in shown.flags)
    other = adjust.load(course(tmp_path)).apply(result("x", 1, "", assignment="other"))
    assert other.flags == [] and [c.id for c in other.checks] == ["f.values"]


def test_every_problem_in_the_records_is_named_with_file_and_line(tmp_path):
    marks = (
        "student,question,points,comment\n"
        "alice,explain,1,\n"
        "alice,explain,2,\n"  # twice
        "bob,nope,1,\n"  # unknown question
        "carol,explain,three,\n"
        "dave,derive,4,\n"  # above the maximum
        ",explain,1,\n"
    )
    ext = "student,assignment,due\nalice,hw,next week\nbob,unknown,2026-10-14T00:00:00\ncarol,hw,2026-10-14\ncarol,hw,2026-10-15\n"
    with pytest.raises(adjust.TermError) as err:
        adjust.load(course(tmp_path, marks=marks, extensions=ext))
    said = str(err.value)
    for line, what in [
        (3, "'alice' already has a mark for explain (line 2)"),
        (4, "'nope' is not a manual question of hw (grading.yml has: explain, derive)"),
        (5, "points 'three' is not a number"),
        (6, "points 4 is outside 0..3 for derive"),
        (7, "the student is empty"),
    ]:
        assert f"hw.csv:{line}: {what}" in said
    assert "extensions.csv:2: due 'next week' is not a date and time" in said
    assert "extensions.csv:3: 'unknown' is not an assignment of grading.yml" in said
    assert "extensions.csv:5: 'carol' already has an extension on hw (line 4)" in said
    assert said.startswith("8 problem(s)")


def test_a_marks_file_with_the_wrong_columns_or_for_no_assignment_is_refused(tmp_path):
    course(tmp_path, marks="name,question,score\nalice,explain,1\n")
    (tmp_path / "term" / "manual" / "hw2.csv").write_text(MARKS)
    with pytest.raises(adjust.TermError) as err:
        adjust.load(tmp_path)
    assert "hw.csv:1: expected the columns student,question,points,comment, got name,question,score" in str(err.value)
    assert "hw2.csv: 'hw2' is not an assignment of grading.yml" in str(err.value)


def test_marks_for_a_student_with_no_result_are_listed(tmp_path):
    term = adjust.load(course(tmp_path, marks=MARKS))
    assert term.strays({"hw": {"alice"}}) == [f"{tmp_path}/term/manual/hw.csv:4: no result of hw is named 'bob'"]


@pytest.mark.parametrize(
    "key, value, said",
    [
        ("due", "'next friday'", "assignments.hw.due: expected a date and time"),
        ("late", "{penalty: 1.5}", "assignments.hw.late.penalty: expected a fraction from 0 to 1, got 1.5"),
        ("late", "{per: week}", "assignments.hw.late.per: expected one of none, hour, day, got 'week'"),
        ("manual", "{Explain: {points: 1}}", "assignments.hw.manual.Explain: a question id"),
        ("manual", "{explain: {title: x}}", "assignments.hw.manual.explain.points: required"),
    ],
)
def test_grading_yml_says_what_is_wrong_with_a_term_setting(key, value, said):
    doc = yaml.safe_load(f"seed: s\nassignments:\n  hw:\n    {key}: {value}\n    checks: {{f.values: {{points: 1}}}}\n")
    assert any(str(p).startswith(said) for p in config.schema_problems(doc)), config.schema_problems(doc)


def test_an_unquoted_yaml_date_is_read_as_utc():
    doc = yaml.safe_load("seed: s\nassignments:\n  hw:\n    due: 2026-10-12 23:59:00\n    checks: {}\n")
    assert config.parse(doc)["hw"].due == dt.datetime(2026, 10, 12, 23, 59, tzinfo=UTC)


def test_submission_time_from_nbgrader_timestamp_or_lms_name(tmp_path):
    folder = tmp_path / "submitted" / "alice" / "hw"
    folder.mkdir(parents=True)
    nb = folder / "hw.ipynb"
    nb.write_text("{}")
    assert deadlines.submission_time(nb) == ""
    (folder / "timestamp.txt").write_text("2026-10-12 22:15:03.123456 UTC\n")
    assert deadlines.submission_time(nb) == "2026-10-12T22:15:03.123456+00:00"
    lms = tmp_path / "hw_bob_attempt_2026-10-13-08-30-00_hw.ipynb"
    lms.write_text("{}")
    assert deadlines.submission_time(lms) == "2026-10-13T08:30:00+00:00"
    assert deadlines.submission_time(tmp_path / "hw_bob_attempt_2026-13-45-08-30-00_hw.ipynb") == ""


def test_a_timestamp_that_is_a_link_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("2020-01-01 00:00:00 UTC")
    folder = tmp_path / "alice" / "hw"
    folder.mkdir(parents=True)
    os.symlink(secret, folder / "timestamp.txt")
    assert deadlines.submission_time(folder / "hw.ipynb") == ""


def test_a_blank_submission_is_still_blank_with_the_terms_rows(tmp_path):
    from autograder.reports import is_blank

    blank = result("erin", 0, "2026-10-20T00:00:00+00:00")
    blank.checks = [
        CheckResult.not_judged(
            id="f.values",
            target="f",
            max_points=10,
            hidden=False,
            hint="",
            message="not implemented",
            category="not-implemented",
        )
    ]
    shown = adjust.load(course(tmp_path, marks=MARKS)).apply(blank)
    assert {c.category for c in shown.checks} == {"not-implemented", "unmarked", "late"}
    assert is_blank(shown) and not is_blank(dataclasses.replace(shown, checks=shown.checks[1:]))
