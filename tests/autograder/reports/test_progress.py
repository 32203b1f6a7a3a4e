"""Progress from the first second, skipped counts on --resume, --version."""

from __future__ import annotations

import io
import subprocess
import sys
import time

from toycourse import toy_submission

import autograder
from autograder import cli
from autograder.reports.progress import ProgressBar


def _grade(course, *extra):
    cmd = [
        sys.executable,
        "-m",
        "autograder",
        "grade",
        "--assignment",
        "toy",
        "--root",
        str(course),
        "--out",
        str(course / "out"),
        "--jobs",
        "1",
        *extra,
        str(course / "subs"),
    ]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line = proc.stderr.readline()
    first_at = time.monotonic() - started
    proc.communicate(timeout=300)
    return first_line, first_at, proc.returncode


def test_grade_says_something_at_once_then_how_many_resume_skipped(toy_course):
    for name in ("s1", "s2", "s3"):
        toy_submission(toy_course / "subs", name)
    first, seconds, rc = _grade(toy_course)
    assert rc == 0 and first.startswith("grading toy: loading") and seconds < 5, (first, seconds)
    toy_submission(toy_course / "subs", "s4")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "autograder",
            "grade",
            "--assignment",
            "toy",
            "--root",
            str(toy_course),
            "--out",
            str(toy_course / "out"),
            "--jobs",
            "1",
            "--resume",
            str(toy_course / "subs"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0
    assert "1 submission(s) to grade; 3 skipped (graded before, unchanged)" in proc.stderr
    quiet = subprocess.run(
        [
            sys.executable,
            "-m",
            "autograder",
            "grade",
            "--assignment",
            "toy",
            "--root",
            str(toy_course),
            "--out",
            str(toy_course / "out"),
            "--quiet",
            "--resume",
            str(toy_course / "subs"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "4 submission(s) skipped (graded before, unchanged); 0 graded" in quiet.stderr


def test_progress_lines_without_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar(stream=stream)
    bar.starting("grading a1: loading")
    bar.planned(2, 5, "graded before, unchanged")
    assert stream.getvalue().splitlines() == [
        "grading a1: loading",
        "2 submission(s) to grade; 5 skipped (graded before, unchanged)",
    ]


def test_version(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"autograder {autograder.__version__}"
    assert autograder.__version__ not in ("", "0+unknown")


def test_check_shows_progress_before_the_result(toy_course, tmp_path):
    from autograder.course import assignment
    from autograder.release import generate as release

    folder = toy_course / "assignments" / "toy"
    release.write_fixtures(folder / assignment.FIXTURES, release.fixtures(assignment.load("toy", root=toy_course)))
    nb = toy_submission(folder, "mine")
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "check", str(nb)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0
    assert proc.stderr.splitlines()[:2] == [
        "checking mine.ipynb: loading the public checks",
        "checking mine.ipynb: 2 public checks in a sandboxed worker",
    ]
