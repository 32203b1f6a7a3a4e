"""The term's rows in nbgrader's gradebook: a mark on the manually graded cell of the question's id,
the late penalty as the submission's late_submission_penalty (nbgrader export subtracts it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.core.results import CheckResult, SubmissionResult
from autograder.integrations.nbgrader import gradebook


@pytest.fixture
def db(tmp_path, monkeypatch):
    # a new gradebook runs nbgrader's `alembic` from PATH (as `autograder release` arranges)
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.add_assignment("hw")
        gb.add_notebook("hw", "hw")
        gb.add_grade_cell("grade_f", "hw", "hw", max_score=3, cell_type="code")
        gb.add_solution_cell("f", "hw", "hw")
        gb.add_grade_cell("explain", "hw", "hw", max_score=2, cell_type="markdown")
        gb.add_solution_cell("explain", "hw", "hw")
    return url


def adjusted(student: str, *, manual: CheckResult | None, penalty: float) -> SubmissionResult:
    checks = [CheckResult("f.values", "f", "passed", 3.0, 3.0, False)]
    if manual is not None:
        checks.append(manual)
    if penalty:
        checks.append(CheckResult("late.penalty", "late", "failed", -penalty, 0.0, False, "late", "late"))
    return SubmissionResult("hw", student, 3.0, 5.0, "ok", "", checks, [], {})


def test_marks_and_penalties_land_in_nbgraders_own_fields(db):
    marked = CheckResult("manual.explain", "explain", "failed", 1.5, 2.0, False, "names f, not the bias", "manual")
    unmarked = CheckResult.not_judged(
        id="manual.explain",
        target="explain",
        max_points=2.0,
        hidden=False,
        hint="",
        message="not marked yet",
        category="unmarked",
    )
    gradebook.write(
        [adjusted("alice", manual=marked, penalty=0.9), adjusted("bob", manual=unmarked, penalty=0.0)],
        db_url=db,
        assignment="hw",
    )
    with Gradebook(db) as gb:
        alice = gb.find_submission("hw", "alice")
        assert alice.late_submission_penalty == pytest.approx(0.9)
        assert gb.find_grade("explain", "hw", "hw", "alice").manual_score == 1.5
        assert gb.find_comment("explain", "hw", "hw", "alice").manual_comment == "names f, not the bias"
        assert gb.find_grade("grade_f", "hw", "hw", "alice").auto_score == 3.0
        assert alice.score == pytest.approx(4.5)  # nbgrader's raw score: 3 + 1.5
        assert gb.find_grade("explain", "hw", "hw", "bob").manual_score is None  # still needs marking
        assert gb.find_submission("hw", "bob").late_submission_penalty == 0


def test_a_question_without_a_cell_in_nbgraders_notebook_is_left_out_there(db):
    marked = CheckResult("manual.essay", "essay", "passed", 2.0, 2.0, False, "", "manual")
    gradebook.write([adjusted("carol", manual=marked, penalty=0.0)], db_url=db, assignment="hw")
    with Gradebook(db) as gb:
        assert gb.find_submission("hw", "carol").score == pytest.approx(3.0)
