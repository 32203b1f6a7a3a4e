"""The whole nbgrader cycle, for real, on a temporary course with two students.

generate_assignment -> zip_collect -> autograde (grade cells call the sandboxed autograder) ->
generate_feedback -> export, and the same submissions through `autograder grade --gradebook`:
the exported grades equal the autograder's, and the feedback shows no hidden input.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from autograder import assignment, engine, notebook, release
from toycourse import make_course, toy_submission


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "JUPYTER_CONFIG_DIR": str(course / ".jupyter"), "JUPYTER_DATA_DIR": str(course / ".jupyter-data")}
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args, "--log-level=INFO"], cwd=course, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def cycle(tmp_path_factory, root):
    course = make_course(tmp_path_factory.mktemp("nbgrader") / "course")
    shutil.copy(root / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.rmtree(course / "assignments")
    release.release("toy", root=course)  # grade cells from grading.yml, nbgrader generate_assignment, fixtures
    nbgrader(course, "generate_assignment", "toy", "--force")  # into the course's own gradebook
    work = course / "work"
    alice = toy_submission(work, "alice")
    bob = toy_submission(work, "bob", double="def double(x):\n    return (2 * x).T\n")
    for sub in (alice, bob):  # students submit the release with their answers: start from the release
        rel = json.loads((course / "assignments" / "toy" / "toy.ipynb").read_text())
        mine = json.loads(sub.read_text())
        answers = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in mine["cells"] if c["metadata"]["nbgrader"].get("solution")}
        for cell in rel["cells"]:
            gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if gid in answers:
                cell["source"] = answers[gid]
        cell = rel["cells"][1]
        cell["outputs"] = [{"output_type": "stream", "name": "stderr", "text": "2026 I tensorflow/core: oneDNN custom operations are on\n"}]
        sub.write_text(json.dumps(rel))
    archive = course / "downloaded" / "toy" / "archive"
    archive.mkdir(parents=True)
    for sub in (alice, bob):
        with zipfile.ZipFile(archive / f"toy_{sub.stem}_attempt_2026-11-20-10-00-00.zip", "w") as z:
            z.write(sub, f"toy_{sub.stem}_attempt_2026-11-20-10-00-00_toy.ipynb")
    nbgrader(course, "zip_collect", "toy", "--force")
    assert (course / "submitted" / "alice" / "toy" / "toy.ipynb").is_file()
    nbgrader(course, "autograde", "toy", "--force")
    nbgrader(course, "generate_feedback", "toy", "--force")
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    with open(course / "grades.csv") as fh:
        exported = {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(fh)}
    out = course / "results"
    proc = subprocess.run([sys.executable, "-m", "autograder", "grade", "--assignment", "toy", "--root", str(course), "--out", str(out),
                           "--quiet", "--gradebook", f"sqlite:///{course / 'gradebook.db'}", str(course / "submitted")],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    nbgrader(course, "export", "--to", str(course / "grades-after.csv"))
    with open(course / "grades-after.csv") as fh:
        after = {row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(fh)}
    ours = {s: json.loads((out / s / "toy" / "result.json").read_text()) for s in ("alice", "bob")}
    return {"course": course, "exported": exported, "after": after, "ours": ours}


def test_exported_grades_equal_the_autograders(cycle):
    assert cycle["exported"] == {"alice": 6.0, "bob": 2.0}
    assert {s: r["score"] for s, r in cycle["ours"].items()} == cycle["exported"]


def test_autograde_scores_agree_check_by_check(cycle):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{cycle['course'] / 'gradebook.db'}") as gb:
        for student, result in cycle["ours"].items():
            for target in {c["target"] for c in result["checks"]}:
                grade = gb.find_grade(f"grade_{target}", "toy", "toy", student)
                assert grade.score == sum(c["points"] for c in result["checks"] if c["target"] == target)


def test_gradebook_written_by_autograder_gives_the_same_export(cycle):
    assert cycle["after"] == cycle["exported"]


def test_feedback_shows_no_hidden_input_or_expected_value(cycle):
    course = cycle["course"]
    loaded = assignment.load("toy", root=course)
    hidden = [c for c in loaded.checks if loaded.settings(c).hidden]
    reference = engine.reference_namespace(loaded)
    for student in ("alice", "bob"):
        html = (course / "feedback" / student / "toy" / "toy.html").read_text()
        assert "BEGIN HIDDEN TESTS" not in html and "grade(" not in html
        assert "double.hidden" in html  # the check is named, with pass/fail and its hint
        picked = notebook.submission_cells(notebook.read(course / "submitted" / student / "toy" / "toy.ipynb"), loaded.release)
        for p in engine.prepare(loaded, hidden, digest=engine.code_digest(picked.cells), reference=reference):
            for value in np.ravel(p.inputs["x"])[:12]:
                assert f"{value:.3f}" not in html
            for value in np.ravel(p.expected)[:12]:
                assert f"{value:.3f}" not in html
