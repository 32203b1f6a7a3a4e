"""Gradescope output: the published field list, hidden checks without inputs, and run_autograder end to end
(which notebook of an upload is graded, and what the student is told about it)."""

import json
import os
import subprocess
import sys

from toycourse import toy_submission

from autograder.batch import local as batch
from autograder.integrations.gradescope import results as gradescope
from autograder.integrations.gradescope.results import GradescopeSink

TOP = {"score": (int, float), "output": str, "visibility": str, "stdout_visibility": str, "tests": list}
TEST = {
    "name": str,
    "score": (int, float),
    "max_score": (int, float),
    "output": str,
    "visibility": str,
    "status": str,
    "tags": list,
}
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}


def validate(doc):
    assert set(doc) <= set(TOP) | {"execution_time", "extra_data", "leaderboard"}
    for key, kind in TOP.items():
        assert isinstance(doc[key], kind), key
    for test in doc["tests"]:
        assert set(test) <= set(TEST) | {"number", "extra_data"}
        for key, kind in TEST.items():
            assert isinstance(test[key], kind), key
        assert test["visibility"] in VISIBILITY and test["status"] in {"passed", "failed"}
        assert 0 <= test["score"] <= test["max_score"]
    assert abs(doc["score"] - sum(t["score"] for t in doc["tests"])) < 1e-9


def test_format_gradescope_writes_valid_results(toy_course):
    sub = toy_submission(toy_course / "subs", "carol", double="def double(x):\n    return 3 * x\n")
    result = batch.grade_many(
        [sub], assignment="toy", root=toy_course, out=toy_course / "out", sinks=[GradescopeSink()]
    )[0]
    doc = json.loads((toy_course / "out" / "carol" / "toy" / "results.json").read_text())
    validate(doc)
    assert doc == gradescope.to_gradescope(result)
    hidden = [t for t in doc["tests"] if "(hidden)" in t["name"]]
    assert hidden and all(t["visibility"] == "after_published" for t in hidden)
    assert hidden[0]["output"] == "hidden check on double failed. Hint: keep the shape"  # one bit, and the hint


def run_autograder(course, root, submission, results) -> dict:
    """Gradescope's entry script on the upload folder ``submission``; its results.json, validated."""
    env = {
        **os.environ,
        "AUTOGRADER_SOURCE": str(course),
        "AUTOGRADER_SUBMISSION": str(submission),
        "AUTOGRADER_RESULTS": str(results),
        "AUTOGRADER_PYTHON": sys.executable,
        "AUTOGRADER_ASSIGNMENT": "toy",
    }
    proc = subprocess.run(
        ["bash", str(root / "gradescope" / "run_autograder")], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((results / "results.json").read_text())
    validate(doc)
    return doc


def test_run_autograder_script(toy_course, root, tmp_path):
    submission, results = tmp_path / "submission", tmp_path / "results"
    toy_submission(submission, "toy")
    assert run_autograder(toy_course, root, submission, results)["score"] == 6


def test_an_upload_that_is_not_json_is_told_once_under_its_own_name(toy_course, root, tmp_path):
    upload = tmp_path / "submission"
    upload.mkdir()
    (upload / "My Homework (1).ipynb").write_bytes(b"not json")
    doc = run_autograder(toy_course, root, upload, tmp_path / "results")
    assert doc["score"] == 0
    reason = "My Homework (1).ipynb: not valid notebook JSON (line 1, column 1: Expecting value)"
    assert doc["output"].count("not valid notebook JSON") == 1 and reason in doc["output"], doc["output"]
    assert (
        "Graded My Homework (1).ipynb, the only notebook in your upload; this assignment expects it named toy.ipynb"
        in (doc["output"])
    )
    assert "%" not in doc["output"]  # the student's own file name, not the grader's safe id for it


def test_an_upload_under_another_name_is_graded_and_the_student_told_which_file(toy_course, root, tmp_path):
    upload = tmp_path / "submission"
    toy_submission(upload / "work", "my homework")
    doc = run_autograder(toy_course, root, upload, tmp_path / "results")
    assert doc["score"] == 6
    assert doc["output"].startswith(
        "Graded work/my homework.ipynb, the only notebook in your upload; "
        "this assignment expects it named toy.ipynb: please use that name next time."
    ), doc["output"]


def test_several_notebooks_grade_the_one_named_for_the_assignment_or_none(toy_course, root, tmp_path):
    upload = tmp_path / "several"
    toy_submission(upload, "b_final")
    toy_submission(upload, "a_draft", double="def double(x):\n    raise NotImplementedError\n")
    doc = run_autograder(toy_course, root, upload, tmp_path / "results-several")
    assert (doc["score"], doc["tests"]) == (0, [])  # not a_draft graded in silence
    assert doc["output"] == (
        "Not graded: your upload holds 2 notebooks and none is named toy.ipynb (a_draft.ipynb, b_final.ipynb), "
        "so the autograder cannot tell which one to grade. Upload only your notebook, named toy.ipynb."
    )
    toy_submission(upload, "toy")
    doc = run_autograder(toy_course, root, upload, tmp_path / "results-named")
    assert doc["score"] == 6
    assert doc["output"].startswith(
        "Graded toy.ipynb, the notebook named toy.ipynb; not graded: a_draft.ipynb, b_final.ipynb"
    ), doc["output"]


def test_an_upload_without_a_notebook_names_what_it_holds(toy_course, root, tmp_path):
    upload = tmp_path / "submission"
    upload.mkdir()
    (upload / "toy.py").write_text("def double(x):\n    return 2 * x\n")
    doc = run_autograder(toy_course, root, upload, tmp_path / "results")
    assert (doc["score"], doc["tests"]) == (0, [])
    assert doc["output"] == (
        "Not graded: no notebook (.ipynb file) in your upload (it holds toy.py). "
        "Upload your Jupyter notebook, named toy.ipynb."
    )


def test_gradescope_zip_holds_no_student_or_gradebook_data(toy_course, root, tmp_path):
    import shutil
    import zipfile

    from autograder import cli

    for item in ("pyproject.toml", "autograder", "data", "gradescope"):
        src = root / item
        if src.is_dir():
            shutil.copytree(src, toy_course / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, toy_course / item)
    marker = "DECOY-COURSE-DATA-7f3a"
    decoys = [
        "gradebook.db",
        "submitted/alice/toy/toy.ipynb",
        "autograded/alice/toy/toy.ipynb",
        "feedback/alice/toy/toy.html",
        "results/alice/toy/result.json",
        "results/alice/toy/staff.json",
        ".git/config",
        ".venv/bin/activate",
        "downloaded/toy/archive/toy_alice.ipynb",
        "examples-out/x.json",
        "feedback-html/toy/alice.html",
        "solutions/toy/gradebook.db",
        "solutions/toy/.ipynb_checkpoints/toy-checkpoint.ipynb",
        "solutions/toy/notes.txt",
        "solutions/other/hidden_checks.py",
        "autograder/__pycache__/engine.cpython-311.pyc",
        "grades.csv",
        "reports/report-toy.html",
    ]
    for rel in decoys:
        (toy_course / rel).parent.mkdir(parents=True, exist_ok=True)
        (toy_course / rel).write_text(marker)
    (toy_course / "solutions" / "toy" / "linked.py").symlink_to(toy_course / "gradebook.db")
    out = tmp_path / "toy-autograder.zip"
    assert cli.main(["gradescope-zip", "toy", "--root", str(toy_course), "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert not [n for n in names if marker.encode() in z.read(n)]
        assert z.read("gradescope/ASSIGNMENT") == b"toy\n"
        assert z.getinfo("run_autograder").external_attr >> 16 & 0o111
        z.extractall(tmp_path / "source")
    assert {
        "setup.sh",
        "run_autograder",
        "grading.yml",
        "pyproject.toml",
        "solutions/toy/hidden_checks.py",
        "solutions/toy/toy.ipynb",
        "assignments/toy/toy.ipynb",
        "autograder/grading/engine.py",
    } <= set(names)
    assert not [
        n
        for n in names
        if n.split("/")[0]
        in {
            "submitted",
            "autograded",
            "feedback",
            "results",
            ".git",
            ".venv",
            "downloaded",
            "examples-out",
            "reports",
            "feedback-html",
        }
        or n.endswith((".db", ".pyc", ".csv", ".txt"))
        or "checkpoint" in n
        or "other" in n
    ]
    # the zip alone grades: run_autograder on the unpacked source
    (tmp_path / "source" / "run_autograder").chmod(0o755)
    submission, results = tmp_path / "submission", tmp_path / "results"
    toy_submission(submission, "toy")
    env = {
        **os.environ,
        "AUTOGRADER_SOURCE": str(tmp_path / "source"),
        "AUTOGRADER_SUBMISSION": str(submission),
        "AUTOGRADER_RESULTS": str(results),
        "AUTOGRADER_PYTHON": sys.executable,
    }
    proc = subprocess.run(
        ["bash", str(tmp_path / "source" / "run_autograder")], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads((results / "results.json").read_text())["score"] == 6
