"""Grading through pytest (autograder.integrations.pytest_plugin) and checks written as pytest tests (autograder.grading.testchecks).

Every run is a real ``python -m pytest --assignment ...`` subprocess on real notebooks: the toy
course of tests/toycourse.py (with two checks written as tests added) and a5_perplexity's bundled
examples, whose verdicts are compared check by check with ``autograder grade``'s.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytest_runs import json_report, props, run_pytest
from toycourse import TOY_STUBS, toy_notebook, toy_submission, write_json

from autograder.audit import examples
from autograder.batch import local as batch
from autograder.course import assignment
from autograder.grading import engine

TOY_TESTS = '''
import numpy as np
import pytest

from autograder.checks.testing import assert_values


@pytest.mark.points(2)
@pytest.mark.hint("2 * x, elementwise")
def test_linear(student, reference, rng, tol):
    """double is linear and equals the reference."""
    a, b = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    assert_values("double(a + b)", student.double(a + b), student.double(a) + student.double(b), tol=tol)
    assert_values("double(a)", student.double(a), reference.double(a), tol=tol)


def test_chain(student, rng):
    """double(double(x)) is 4 x (the second call depends on the first's result)."""
    x = rng.normal(size=5)
    y = student.double(x)
    assert np.allclose(student.double(y), 4 * x)
'''
TOY_TEST_GRADING = (
    "      double.linear: {points: 2, visibility: hidden}\n      double.chain: {points: 1, visibility: hidden}\n"
)

TAMPERING = """import builtins, sys, types
import numpy as np
np.allclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
builtins.AssertionError = type("AssertionError", (Exception,), {})
sys.modules["pytest"] = types.ModuleType("pytest")
try:
    import autograder.checks.testing as helpers, autograder.checks.compare as compare
    helpers.assert_values = lambda *a, **k: None
    helpers.expect = lambda outcome: None
    compare.compare_values = lambda *a, **k: compare.OK
except Exception:
    pass

def double(x):
    np.allclose = lambda *a, **k: True
    return 3 * x
"""


@pytest.fixture()
def course(toy_course: Path) -> Path:
    """The toy course with checks written as tests in solutions/toy/test_double.py."""
    (toy_course / "solutions" / "toy" / "test_double.py").write_text(TOY_TESTS)
    with (toy_course / "grading.yml").open("a") as f:
        f.write(TOY_TEST_GRADING)
    return toy_course


def toy_submissions(folder: Path) -> Path:
    toy_submission(folder, "alice")
    write_json(folder / "blank.ipynb", toy_notebook(TOY_STUBS))
    return folder


def test_reference_passes_blank_fails_with_messages(course, tmp_path):
    subs = toy_submissions(tmp_path / "subs")
    proc = run_pytest(
        "--assignment",
        "toy",
        "--course-root",
        str(course),
        str(subs),
        "--json-report",
        f"--json-report-file={tmp_path / 'r.json'}",
        "--junitxml",
        str(tmp_path / "j.xml"),
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    tests = json_report(tmp_path / "r.json")
    ids = ["double.values", "scale.values", "double.hidden", "double.linear", "double.chain"]
    assert sorted(tests) == sorted([f"alice.ipynb::{i}" for i in ids] + [f"blank.ipynb::{i}" for i in ids])
    for i in ids:
        assert tests[f"alice.ipynb::{i}"]["outcome"] == "passed"
        blank = tests[f"blank.ipynb::{i}"]
        assert blank["outcome"] == "failed"
        said = (
            "hidden check on double failed"
            if i in ("double.hidden", "double.linear", "double.chain")
            else "not implemented"
        )
        assert said in blank["call"]["longrepr"], blank["call"]["longrepr"]
        assert "Traceback" not in blank["call"]["longrepr"] and "runtest" not in blank["call"]["longrepr"]
    assert props(tests["alice.ipynb::double.linear"]) == {
        "max_points": 2.0,
        "visibility": "hidden",
        "points": 2.0,
        "status": "passed",
        "category": "ok",
        "submission": "alice",
        "submission_status": "ok",
        "review_flags": props(tests["alice.ipynb::double.linear"])["review_flags"],
    }
    assert props(tests["alice.ipynb::double.linear"])["review_flags"].startswith("reference-verbatim: ")
    assert "review_flags" not in props(tests["blank.ipynb::double.linear"])
    assert props(tests["blank.ipynb::scale.values"])["points"] == 0.0
    cases = ET.parse(tmp_path / "j.xml").getroot().iter("testcase")
    junit = {c.get("name"): {p.get("name"): p.get("value") for p in c.iter("property")} for c in cases}
    assert len(junit) == 5 and all(len(c) for c in junit.values())  # names repeat per notebook: 10 cases, 5 names
    assert sum(1 for _ in ET.parse(tmp_path / "j.xml").getroot().iter("testcase")) == 10
    assert junit["double.linear"]["max_points"] == "2.0"
    assert "alice.ipynb: 9 / 9 points" in proc.stdout and "blank.ipynb: 0 / 9 points" in proc.stdout


def test_failure_shows_message_and_hidden_only_hint(course, tmp_path):
    subs = tmp_path / "subs"
    toy_submission(subs, "bob", double="def double(x):\n    return 3 * x\n")
    proc = run_pytest("--assignment", "toy", "--course-root", str(course), str(subs), "-v", cwd=tmp_path)
    assert proc.returncode == 1
    out = proc.stdout
    assert "bob.ipynb::scale.values PASSED" in out and "bob.ipynb::double.values FAILED" in out
    assert "values differ at 6 of 6 positions" in out and "Hint: 2 * x" in out  # public: expected and received
    assert "hidden check on double failed. Hint: 2 * x, elementwise" in out  # hidden: pass/fail and hint, one bit
    assert "(values)" not in out.split("double.hidden")[-1] and "(assertion)" not in out
    assert "double(a)" not in out and "assert " not in out  # the hidden assertion's text stays with the grader
    assert "Traceback" not in out
    assert "bob.ipynb: 2 / 9 points" in out


def test_k_selects_and_x_stops(course, tmp_path):
    subs = toy_submissions(tmp_path / "subs")
    common = ("--assignment", "toy", "--course-root", str(course), str(subs), "--json-report")
    proc = run_pytest(*common, "--json-report-file=k.json", "-k", "alice and linear", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert list(json_report(tmp_path / "k.json")) == ["alice.ipynb::double.linear"]
    assert "alice.ipynb: 2 / 2 points on the 1 selected of 5 checks" in proc.stdout
    proc = run_pytest(*common, "--json-report-file=h.json", "-k", "alice and hidden", cwd=tmp_path)
    assert sorted(json_report(tmp_path / "h.json")) == [
        "alice.ipynb::double.chain",
        "alice.ipynb::double.hidden",
        "alice.ipynb::double.linear",
    ]
    proc = run_pytest(*common, "--json-report-file=x.json", "-x", "-k", "blank", cwd=tmp_path)
    assert proc.returncode == 1
    outcomes = [t["outcome"] for t in json_report(tmp_path / "x.json").values()]
    assert outcomes == ["failed"]  # stopped at the first failure
    assert "stopping after 1 failures" in proc.stdout


def test_lf_reruns_only_the_failed_checks(course, tmp_path):
    subs = tmp_path / "subs"
    toy_submission(subs, "carol", scale="def scale(z):\n    return z\n")
    cmd = [sys.executable, "-m", "pytest", "--assignment", "toy", "--course-root", str(course), str(subs), "-q"]
    first = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "1 failed, 4 passed" in first.stdout, first.stdout
    again = subprocess.run(cmd + ["--lf"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "1 failed in" in again.stdout and "passed" not in again.stdout.splitlines()[-1], again.stdout
    assert "carol.ipynb: 0 / 2 points on the 1 selected of 5 checks" in again.stdout


def test_student_code_cannot_patch_the_assertions(course, tmp_path):
    """The student's cell patches numpy, AssertionError, pytest and the grader's helpers, and returns 3 x:
    every check of double still fails, through pytest and through ``autograder grade``."""
    subs = tmp_path / "subs"
    path = toy_submission(subs, "mallory", double=TAMPERING)
    proc = run_pytest(
        "--assignment",
        "toy",
        "--course-root",
        str(course),
        str(subs),
        "--json-report",
        "--json-report-file=t.json",
        cwd=tmp_path,
    )
    tests = json_report(tmp_path / "t.json")
    assert {k: t["outcome"] for k, t in tests.items()} == {
        "mallory.ipynb::double.values": "failed",
        "mallory.ipynb::scale.values": "passed",
        "mallory.ipynb::double.hidden": "failed",
        "mallory.ipynb::double.linear": "failed",
        "mallory.ipynb::double.chain": "failed",
    }, proc.stdout
    loaded = assignment.load("toy", root=course)
    result = engine.grade(path, assignment=loaded)
    verdicts = {c.id: (c.status, c.category) for c in result.checks}
    assert verdicts["double.linear"] == ("failed", "values") and verdicts["double.chain"] == ("failed", "assertion")
    assert "3 * x" not in result.worker_log and "assert" in result.worker_log  # the grader's own log has the detail


def test_nothing_from_the_submission_folder_is_imported(course, tmp_path):
    subs = tmp_path / "subs"
    toy_submission(subs, "eve")
    marker = tmp_path / "imported"
    evil = f"open({str(marker)!r}, 'a').write(__file__ + '\\n')\n"
    for name in ("conftest.py", "__init__.py", "test_evil.py", "evil_test.py"):
        (subs / name).write_text(evil + "def test_x():\n    pass\n")
    (subs / "test_notes.txt").write_text(">>> open(%r, 'a').write('doctest')\n" % str(marker))
    proc = run_pytest("--assignment", "toy", "--course-root", str(course), str(subs), "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "5 passed" in proc.stdout
    assert not marker.exists(), marker.read_text()


def test_settings_from_inside_the_submissions_are_refused(course, tmp_path):
    """A pytest.ini shipped beside a notebook would become pytest's configuration: a usage error."""
    subs = tmp_path / "subs"
    path = toy_submission(subs, "eve")
    (subs / "pytest.ini").write_text("[pytest]\naddopts = -k nothing\n")
    proc = run_pytest("--assignment", "toy", "--course-root", str(course), str(path), cwd=tmp_path)
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert f"pytest read its settings from {subs / 'pytest.ini'}, inside the submissions" in proc.stderr


def test_plain_pytest_leaves_checks_written_as_tests_alone(course, tmp_path):
    proc = run_pytest(str(course / "solutions" / "toy"), "-q", cwd=tmp_path)
    assert proc.returncode == 5, proc.stdout  # no tests collected (not an error about the 'student' fixture)
    assert "fixture 'student' not found" not in proc.stdout


@pytest.mark.parametrize(
    "grading, test_source, error",
    [
        (
            "",
            TOY_TESTS,
            'grading.yml: assignments.toy.checks["double.linear"]: missing: solutions/toy/test_double.py line',
        ),
        (
            "      double.linear: {points: 2}\n      double.chain: {points: 1, visibility: hidden}\n",
            TOY_TESTS,
            'grading.yml: assignments.toy.checks["double.linear"].visibility: is public, but the check is in solutions/toy/test_double.py',
        ),
        (
            "      double.linear: {points: 1, visibility: hidden}\n      double.chain: {points: 1, visibility: hidden}\n",
            TOY_TESTS,
            'grading.yml: assignments.toy.checks["double.linear"].points: is 1, but test_double.py::test_linear is marked points(2)',
        ),
        (
            "      double.odd: {points: 1, visibility: hidden}\n",
            "def test_odd(student, tmp_path):\n    pass\n",
            "test_double.py::test_odd: unknown fixture 'tmp_path' (available: student, reference, rng, tol)",
        ),
        (
            "      double.odd: {points: 1, visibility: hidden}\n",
            "import pytest\n@pytest.mark.parametrize('n', [1, 2])\ndef test_odd(student, n):\n    pass\n",
            "test_double.py::test_odd: mark 'parametrize' is not supported",
        ),
    ],
)
def test_bad_test_checks_are_rejected_at_load_and_by_validate(toy_course, tmp_path, grading, test_source, error):
    (toy_course / "solutions" / "toy" / "test_double.py").write_text(test_source)
    with (toy_course / "grading.yml").open("a") as f:
        f.write(grading)
    with pytest.raises(assignment.AssignmentError) as err:
        assignment.load("toy", root=toy_course)
    assert error in str(err.value)
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "validate", str(toy_course / "grading.yml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    check_id = "double.odd" if "test_odd" in error else "double.linear"
    assert proc.returncode == 1 and check_id in proc.stdout and "test_double.py" in proc.stdout, (
        proc.stdout
    )  # every problem, file:line
    proc = run_pytest("--assignment", "toy", "--course-root", str(toy_course), str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 4 and error in proc.stderr  # pytest's usage error


def test_a5_scores_equal_autograder_grade_check_by_check(root, tmp_path):
    """The bundled reference, blank release and mistakes of a5_perplexity (which has checks written as
    tests), graded by ``autograder grade`` and by ``pytest --assignment``: same verdicts and points."""
    exs = examples.build("a5_perplexity", root=root, out_dir=tmp_path / "subs")
    graded = batch.grade_many(
        [e.path for e in exs], assignment="a5_perplexity", root=root, out=tmp_path / "results", jobs=2
    )
    proc = run_pytest(
        "--assignment",
        "a5_perplexity",
        str(tmp_path / "subs"),
        "--json-report",
        f"--json-report-file={tmp_path / 'r.json'}",
        cwd=root,
        timeout=900,
    )
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-3000:]
    tests = json_report(tmp_path / "r.json")
    loaded = assignment.load("a5_perplexity", root=root)
    assert any(type(c).__name__ == "PytestCheck" for c in loaded.checks)
    assert len(tests) == len(exs) * len(loaded.checks)
    for ex, result in zip(exs, graded):
        for check in result.checks:
            test = tests[f"{ex.path.name}::{check.id}"]
            assert (test["outcome"] == "passed") == (check.status == "passed"), (ex.name, check.id, check.message)
            assert props(test)["points"] == check.points and props(test)["max_points"] == check.max_points
        assert f"{ex.path.name}: {result.score:g} / {result.max_score:g} points" in proc.stdout
        if ex.name == "reference":
            assert result.score == result.max_score
        if ex.name == "blank":
            assert all(
                ("hidden check on" if c.hidden else "not implemented")
                in " ".join(tests[f"{ex.path.name}::{c.id}"]["call"]["longrepr"].split())  # lines wrap
                for c in result.checks
            )


def test_grades_from_outside_the_course_with_its_configuration(root, tmp_path):
    """Run from another folder with `--course-root` pointing at this repo, pytest also reads the repo's
    own pytest settings; the suite's tests/autograder/ folder must not stand in for the package."""
    import shutil

    shutil.copy(root / "solutions" / "a5_perplexity" / "a5_perplexity.ipynb", tmp_path / "alice.ipynb")
    proc = run_pytest("--assignment", "a5_perplexity", "--course-root", str(root), "alice.ipynb", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "passed" in proc.stdout and "failed" not in proc.stdout.splitlines()[-1]


def test_folders_without_a_notebook_are_a_usage_error_naming_them(toy_course, tmp_path):
    """Not pytest's silent 'no tests ran' (exit 5): exit 4 and what was looked for in each folder."""
    empty, other = tmp_path / "empty", tmp_path / "other"
    empty.mkdir()
    other.mkdir()
    (other / "readme.txt").write_text("hi\n")
    proc = run_pytest("--assignment", "toy", "--course-root", str(toy_course), str(empty), str(other), cwd=tmp_path)
    assert proc.returncode == 4, proc.stdout + proc.stderr
    looked = "no notebook (*.ipynb) in this folder or below it"
    assert f"ERROR: {empty}: {looked} (it is empty); {other}: {looked} (it holds 1 other file(s): readme.txt)" in (
        proc.stderr
    )
