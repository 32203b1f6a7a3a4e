"""The README's nbgrader cycle, command by command as written, on a fresh temporary course.

validate -> release (into the course's gradebook) -> zip_collect -> autograde (grade cells call the
sandboxed autograder) -> generate_feedback -> export, then `autograder grade --gradebook`,
generate_feedback from those grades, `autograder feedback` and export again: the exported grades
equal the autograder's, and no feedback page shows a hidden input.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from toycourse import make_course, toy_submission

from autograder.course import assignment, notebook
from autograder.grading import engine
from autograder.grading.reference import reference_namespace


def _env(course: Path) -> dict:
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(course / ".jupyter"),
        "JUPYTER_DATA_DIR": str(course / ".jupyter-data"),
        "XDG_CACHE_HOME": str(course / ".cache"),
    }


def readme_commands(root: Path) -> list[str]:
    """The shell commands of the README's blocks marked ``<!-- nbgrader-cycle ... -->``, in order."""
    text = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- nbgrader-cycle[^>]*-->\n```bash\n(.*?)```", text, re.S)
    assert len(blocks) == 2, "the README's two nbgrader-cycle blocks are missing"
    return [line.split("  #")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def run_readme_command(course: Path, line: str, *, name: str) -> tuple[subprocess.CompletedProcess, float]:
    """Runs one README command in ``course`` (``a1_perceptron`` read as ``name``), as written."""
    words = shlex.split(line.replace("a1_perceptron", name))
    assert words[0] in ("autograder", "nbgrader"), line
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", words[0], *words[1:]],
        cwd=course,
        env=_env(course),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, f"`{line}` failed:\n{proc.stdout}\n{proc.stderr}"
    return proc, time.monotonic() - started


STUDENTS = ("alice", "bob", "carol", "dave")
TAMPERED = {  # dave's edits of locked cells: nbgrader must still notice them
    "grade_double": "print(3.0)\n",
    "setup_imports": "import numpy as np\nSCALE = 1.0\n",
}


def _downloads(course: Path) -> None:
    """Four students' notebooks as an LMS gives them, zipped: the release with alice's answers, bob's
    (double transposed), none (carol submitted the release untouched), and dave's right answers with
    two locked cells edited (:data:`TAMPERED`)."""
    work = course / "work"
    subs = [
        toy_submission(work, "alice"),
        toy_submission(work, "bob", double="def double(x):\n    return (2 * x).T\n"),
        toy_submission(work, "carol"),
        toy_submission(work, "dave"),
    ]
    for sub in subs:  # students submit the release with their answers: start from the release
        rel = json.loads((course / "assignments" / "toy" / "toy.ipynb").read_text())
        mine = json.loads(sub.read_text())
        answers = {
            c["metadata"]["nbgrader"]["grade_id"]: c["source"]
            for c in mine["cells"]
            if c["metadata"]["nbgrader"].get("solution")
        }
        for cell in rel["cells"]:
            gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if gid in answers and sub.stem != "carol":
                cell["source"] = answers[gid]
            if gid in TAMPERED and sub.stem == "dave":
                cell["source"] = TAMPERED[gid]
        cell = rel["cells"][1]
        cell["outputs"] = [
            {
                "output_type": "stream",
                "name": "stderr",
                "text": "2026 I tensorflow/core: oneDNN custom operations are on\n",
            }
        ]
        sub.write_text(json.dumps(rel))
    archive = course / "downloaded" / "toy" / "archive"
    archive.mkdir(parents=True)
    for sub in subs:
        with zipfile.ZipFile(archive / f"toy_{sub.stem}_attempt_2026-11-20-10-00-00.zip", "w") as z:
            z.write(sub, f"toy_{sub.stem}_attempt_2026-11-20-10-00-00_toy.ipynb")


@pytest.fixture(scope="module")
def cycle(tmp_path_factory, root):
    """A fresh course (no release, no gradebook), then the README's instructor commands as written."""
    course = make_course(tmp_path_factory.mktemp("nbgrader") / "course")
    shutil.copy(root / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.rmtree(course / "assignments")
    commands = readme_commands(root)
    times, exports, feedback_after_grade, autograde_log = [], [], None, ""
    for line in commands:
        if line.startswith("nbgrader zip_collect"):
            _downloads(course)
        if line.startswith("autograder grade"):  # only what `grade --gradebook` writes may feed the next feedback
            shutil.rmtree(course / "autograded")
            shutil.rmtree(course / "feedback")
        proc, seconds = run_readme_command(course, line, name="toy")
        times.append((line, seconds))
        if line.startswith("nbgrader autograde"):
            autograde_log = proc.stdout + proc.stderr
        if line.startswith("nbgrader export"):
            with open(course / "grades.csv") as fh:
                exports.append({row["student_id"]: float(row["raw_score"]) for row in csv.DictReader(fh)})
        if line.startswith("nbgrader generate_feedback") and len(exports) == 1:
            feedback_after_grade = {
                s: (course / "feedback" / s / "toy" / "toy.html").read_text() for s in ("alice", "bob")
            }
    ours = {s: json.loads((course / "results" / s / "toy" / "result.json").read_text()) for s in STUDENTS}
    print("\n".join(f"{seconds:6.1f} s  {line}" for line, seconds in times))
    return {
        "course": course,
        "exported": exports[0],
        "after": exports[1],
        "ours": ours,
        "times": times,
        "feedback_after_grade": feedback_after_grade,
        "autograde_log": autograde_log,
    }


def test_release_kept_the_fixtures_and_put_the_assignment_in_the_gradebook(cycle):
    from nbgrader.api import Gradebook

    assert (cycle["course"] / "assignments" / "toy" / "public_expected.npz").is_file()
    with Gradebook(f"sqlite:///{cycle['course'] / 'gradebook.db'}") as gb:
        assert gb.find_assignment("toy").max_score == 6


def test_exported_grades_equal_the_autograders(cycle):
    assert cycle["exported"] == {"alice": 6.0, "bob": 2.0, "carol": 0.0, "dave": 6.0}
    assert {s: r["score"] for s, r in cycle["ours"].items()} == cycle["exported"]


def test_autograde_scores_agree_check_by_check(cycle):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{cycle['course'] / 'gradebook.db'}") as gb:
        for student, result in cycle["ours"].items():
            for target in {c["target"] for c in result["checks"]}:
                grade = gb.find_grade(f"grade_{target}", "toy", "toy", student)
                assert grade.score == sum(c["points"] for c in result["checks"] if c["target"] == target)


def _changed(log: str) -> dict[str, list[str]]:
    """nbgrader's "Attribute 'checksum' for cell X has changed!" warnings, by the student autograded."""
    out: dict[str, list[str]] = {}
    student = None
    for line in log.splitlines():
        found = re.search(r"(?:submitted|autograded)/([^/\s]+)/toy\b", line)
        if found:
            student = found.group(1)
        if "has changed!" in line:
            out.setdefault(student, []).append(re.search(r"for cell (\S+) has changed", line).group(1))
    return out


def test_autograde_warns_only_about_locked_cells_a_student_edited(cycle):
    """Untouched and answered releases give no checksum warning (a grade cell with a hidden-tests block
    once gave one per grade cell, nbgrader issue #1961); dave's edited grade and set-up cells are
    reported, and graded as released."""
    assert _changed(cycle["autograde_log"]) == {"dave": ["setup_imports", "grade_double"]}
    assert cycle["exported"]["dave"] == 6.0  # his print(3.0) was replaced by the released grade cell


def test_gradebook_written_by_autograder_gives_the_same_export(cycle):
    assert cycle["after"] == cycle["exported"]


def _hidden_values(course: Path, student: str) -> list[str]:
    """The first hidden inputs and expected values of a student's hidden checks, as text."""
    loaded = assignment.load("toy", root=course)
    hidden = [c for c in loaded.checks if loaded.settings(c).hidden]
    reference = reference_namespace(loaded)
    picked = notebook.submission_cells(
        notebook.read(course / "submitted" / student / "toy" / "toy.ipynb"), loaded.release
    )
    out = []
    for p in engine.prepare(loaded, hidden, digest=engine.code_digest(picked.cells), reference=reference):
        out += [f"{v:.3f}" for v in np.ravel(p.inputs["x"])[:12]] + [f"{v:.3f}" for v in np.ravel(p.expected)[:12]]
    return out


def test_every_feedback_page_is_safe_for_its_student(cycle):
    course = cycle["course"]
    for student in ("alice", "bob"):
        pages = {
            "nbgrader autograde": (course / "feedback" / student / "toy" / "toy.html").read_text(),
            "after grade --gradebook": cycle["feedback_after_grade"][student],
            "autograder feedback": (course / "feedback-html" / "toy" / f"{student}.html").read_text(),
        }
        other = "bob" if student == "alice" else "alice"
        for origin, html in pages.items():
            assert "BEGIN HIDDEN TESTS" not in html, origin
            assert "double.hidden" in html, origin  # the check is named, with pass/fail and its hint
            for text in _hidden_values(course, student):
                assert text not in html, f"{origin}: hidden value {text} in {student}'s page"
        assert other not in pages["autograder feedback"]


def test_feedback_after_grade_shows_the_autograders_scores(cycle):
    html = cycle["feedback_after_grade"]["bob"]
    assert "FAIL 0/1 double.values" in html and "expected shape (3, 2), received (2, 3)" in html


def test_staff_page_shows_hidden_inputs_and_received_values(cycle):
    course = cycle["course"]
    staff = (course / "feedback-html" / "toy" / "staff" / "bob.html").read_text()
    record = json.loads((course / "results" / "bob" / "toy" / "staff.json").read_text())["checks"]["double.hidden"]
    assert record["received"] and record["inputs"]["x"].startswith("array(5, 7) float64")
    assert "expected shape (5, 7), received (7, 5)" in record["message"]
    from html import escape

    assert escape(record["inputs"]["x"]) in staff and escape(record["received"]) in staff
    assert "staff.json" not in json.dumps(cycle["ours"]["bob"])  # result.json itself keeps none of it
