"""Checks written as pytest tests, graded by the engine (autograder.grading.testchecks), on the toy course."""

from __future__ import annotations

from pathlib import Path

import pytest
from toycourse import toy_submission

from autograder.course import assignment, testfiles
from autograder.grading import engine, testchecks
from autograder.reports.wording import explanation

TESTS = '''
import numpy as np
import pytest

from autograder.checks.testing import assert_values


@pytest.mark.hint("2 * x")
def test_twice(student, reference, rng, tol):
    """double(x) for x of shape (4,)."""
    x = rng.normal(size=4)
    assert_values("double(x)", student.double(x), reference.double(x), tol=tol)


def test_swallow(student):
    """A student failure cannot be caught by the test's own except Exception."""
    try:
        student.double(np.ones(2))
    except Exception:
        pass


def test_seeded(student, rng):
    """Records the seed's first draw (the same in every round of one submission)."""
    x = rng.normal(size=3)
    y = student.double(x)
    z = student.double(y)
    assert np.allclose(z, 4 * x)
'''
GRADING = (
    "      double.twice: {points: 1, visibility: hidden}\n      double.swallow: {points: 1, visibility: hidden}\n"
    "      double.seeded: {points: 1, visibility: hidden}\n"
)


@pytest.fixture()
def course(toy_course: Path) -> Path:
    (toy_course / "solutions" / "toy" / "test_double.py").write_text(TESTS)
    with (toy_course / "grading.yml").open("a") as f:
        f.write(GRADING)
    return toy_course


def grade(course: Path, tmp_path: Path, **cells: str):
    loaded = assignment.load("toy", root=course)
    return engine.grade(toy_submission(tmp_path / "subs", "s", **cells), assignment=loaded)


def test_loaded_as_hidden_checks_after_the_others(course):
    loaded = assignment.load("toy", root=course)
    assert [c.id for c in loaded.checks][-3:] == ["double.twice", "double.swallow", "double.seeded"]
    check = loaded.checks[-3]
    assert isinstance(check, testfiles.PytestCheck) and check.target == "double" and check.hint == "2 * x"
    assert check.what == "double(x) for x of shape (4,)" and check.fixtures == ("student", "reference", "rng", "tol")


def test_reference_passes(course, tmp_path):
    result = grade(course, tmp_path)
    assert result.score == result.max_score == 9 and result.status == "ok"


def test_a_raising_function_fails_every_test_without_leaking_its_message(course, tmp_path):
    result = grade(course, tmp_path, double="def double(x):\n    raise ValueError('secret ' + repr(x.tolist()))\n")
    by_id = {c.id: c for c in result.checks}
    for cid in ("double.twice", "double.swallow", "double.seeded"):
        assert (by_id[cid].status, by_id[cid].category) == ("error", "raised")
        # the grader words it from the student's own source line, never from the exception's text (the hidden input)
        message = by_id[cid].message
        assert "double raised ValueError" in message and "on a hidden input" in message, message
        assert "secret [" not in message and "[[" not in message, message
    assert by_id["double.twice"].hint == "2 * x" and not by_id["double.twice"].message.endswith("2 * x")
    assert explanation(by_id["double.twice"]).endswith("Hint: 2 * x")
    assert by_id["scale.values"].status == "passed"


def test_a_function_that_hangs_costs_only_its_checks(course, tmp_path):
    result = grade(course, tmp_path, double="def double(x):\n    while True:\n        pass\n")
    by_id = {c.id: c for c in result.checks}
    assert by_id["double.twice"].category == "timeout" and by_id["double.seeded"].category == "timeout"
    assert by_id["scale.values"].status == "passed" and result.score == 2


def test_a_missing_function_is_named(course, tmp_path):
    result = grade(course, tmp_path, double="def doubled(x):\n    return 2 * x\n")
    twice = next(c for c in result.checks if c.id == "double.twice")
    assert twice.category == "missing" and "'double' is not defined" in twice.message


def test_wrong_values_fail_with_the_detail_only_in_the_instructors_log(course, tmp_path):
    result = grade(course, tmp_path, double="def double(x):\n    return x + x + 1e-3\n")
    by_id = {c.id: c for c in result.checks}
    assert (by_id["double.twice"].status, by_id["double.twice"].category) == ("failed", "values")
    assert explanation(by_id["double.twice"]) == "hidden check on double failed (values). Hint: 2 * x"
    assert by_id["double.seeded"].category == "assertion" and by_id["double.swallow"].status == "passed"
    assert "check double.twice (test_double.py::test_twice) failed: double(x): values differ" in result.worker_log


def test_hidden_seeds_follow_the_submission(course, tmp_path):
    loaded = assignment.load("toy", root=course)
    check = loaded.checks[-1]
    a = testchecks.Grading([check], assignment=loaded, digest="a", reference={})
    b = testchecks.Grading([check], assignment=loaded, digest="b", reference={})
    again = testchecks.Grading([check], assignment=loaded, digest="a", reference={})
    assert a.runs[0].seed == again.runs[0].seed != b.runs[0].seed
    first = a.start(offset=7)
    assert [p.index for p in first] == [7] and first[0].check.target == "double"
    assert first[0].inputs["args"][0].shape == (3,)
