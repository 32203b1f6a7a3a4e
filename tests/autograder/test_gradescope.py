"""Gradescope output: the published field list, hidden checks without inputs, and run_autograder end to end."""

import json
import os
import subprocess
import sys

from autograder import batch, gradescope
from toycourse import toy_submission

TOP = {"score": (int, float), "output": str, "visibility": str, "stdout_visibility": str, "tests": list}
TEST = {"name": str, "score": (int, float), "max_score": (int, float), "output": str, "visibility": str, "status": str, "tags": list}
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
    result = batch.grade_many([sub], assignment="toy", root=toy_course, out=toy_course / "out", fmt="gradescope")[0]
    doc = json.loads((toy_course / "out" / "carol" / "toy" / "results.json").read_text())
    validate(doc)
    assert doc == gradescope.to_gradescope(result)
    hidden = [t for t in doc["tests"] if "(hidden)" in t["name"]]
    assert hidden and all(t["visibility"] == "after_published" for t in hidden)
    assert hidden[0]["output"] == "hidden check on double failed (values). Hint: keep the shape"


def test_run_autograder_script(toy_course, root, tmp_path):
    submission, results = tmp_path / "submission", tmp_path / "results"
    toy_submission(submission, "toy")
    env = {**os.environ, "AUTOGRADER_SOURCE": str(toy_course), "AUTOGRADER_SUBMISSION": str(submission),
           "AUTOGRADER_RESULTS": str(results), "AUTOGRADER_PYTHON": sys.executable, "AUTOGRADER_ASSIGNMENT": "toy"}
    proc = subprocess.run(["bash", str(root / "gradescope" / "run_autograder")], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads((results / "results.json").read_text())
    validate(doc)
    assert doc["score"] == 6
