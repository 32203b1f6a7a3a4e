"""``autograder new``: the skeleton works as made, and the tutorial's commands pass as written.

The tutorial test copies what a fresh clone holds (git's tracked files, plus new files not yet
ignored) and runs every ``autograder`` line of part 1 of ``docs/authoring.md`` through a shell, in
order, as an instructor would type it.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from coursecopy import fresh_copy, shell

from autograder.core import config
from autograder.course import skeleton

ROOT = Path(__file__).resolve().parents[3]
TUTORIAL = ROOT / "docs" / "authoring.md"


def tutorial_commands() -> list[str]:
    """Every ``autograder`` line of the tutorial's bash blocks, in order."""
    part1 = TUTORIAL.read_text(encoding="utf-8").split("# Part 2")[0]
    blocks = re.findall(r"```bash\n(.*?)```", part1, flags=re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.startswith("autograder ")]


def test_the_tutorial_names_every_step_in_order():
    commands = [c.split()[1] for c in tutorial_commands()]
    assert commands == ["new", "validate", "release", "check", "grade", "examples", "rules", "mutants", "pool"]
    assert all(re.search(r"\bdemo\b", c) for c in tutorial_commands() if c.split()[1] != "validate")


def test_the_tutorials_commands_pass_as_written_on_a_fresh_clone(tmp_path):
    course = fresh_copy(tmp_path / "course")
    outputs = {}
    for line in tutorial_commands():
        proc = shell(line, course)
        assert proc.returncode == 0, f"`{line}` exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        outputs[line.split()[1]] = proc.stdout
    assert "demo" in config.load(course / "grading.yml")
    assert (course / "assignments" / "demo" / "demo.ipynb").is_file()
    assert "0 / 1 points on the public checks" in outputs["check"]
    assert "not implemented" in outputs["check"]
    result = json.loads(next((course / "results" / "demo").rglob("result.json")).read_text())
    assert result["score"] == 0 and result["max_score"] == 4.5
    assert "11 of 11 submissions graded as intended" in outputs["examples"]
    assert "demo: rule score 100%" in outputs["examples"]
    assert re.search(r"total\s+6\s+5\s+0\s+1\s+0\s+0\s+100\.0%", outputs["mutants"]), outputs["mutants"]
    assert re.search(r"demo: \d+ shared inputs and expected values in the pool", outputs["pool"])
    released = json.loads((course / "assignments" / "demo" / "demo.ipynb").read_text())
    grade_cells = [c for c in released["cells"] if c["metadata"].get("nbgrader", {}).get("grade")]
    assert [c["metadata"]["nbgrader"]["points"] for c in grade_cells] == [4.5]  # contract points included
    assert not any("BEGIN SOLUTION" in "".join(c["source"]) for c in released["cells"])
    # a mutant the checks cannot tell apart is caught once its equivalence is withdrawn
    (course / "solutions" / "demo" / "equivalent_mutants.yml").write_text("{}\n")
    proc = shell("autograder mutants demo --fail-under 100 --quiet", course)
    assert proc.returncode == 1 and "mutation score 83.3% is under 100%" in proc.stderr


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.fixture
def small_course(tmp_path):
    (tmp_path / "grading.yml").write_text(
        "seed: s\nassignments:\n  hw1:\n    checks:\n      f.values: {points: 1}\n", encoding="utf-8"
    )
    (tmp_path / "solutions" / "hw1").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    "name, message",
    [
        ("hw1", "'hw1' is already an assignment"),
        ("9lives", "not a usable assignment name"),
        ("Demo", "not a usable assignment name"),
        ("my-hw", "not a usable assignment name"),
        ("../escape", "not a usable assignment name"),
        ("class", "not a usable assignment name"),
        ("", "not a usable assignment name"),
    ],
)
def test_a_bad_name_is_refused_and_nothing_changes(small_course, name, message):
    before = tree_digest(small_course)
    with pytest.raises(skeleton.SkeletonError, match=re.escape(message)):
        skeleton.make(name, root=small_course)
    assert tree_digest(small_course) == before


def test_an_existing_folder_is_refused(small_course):
    (small_course / "assignments" / "hw2").mkdir(parents=True)
    before = tree_digest(small_course)
    with pytest.raises(skeleton.SkeletonError, match="already exists"):
        skeleton.make("hw2", root=small_course)
    assert tree_digest(small_course) == before


def test_a_grading_file_whose_last_key_is_not_assignments_gets_the_block_to_paste(small_course):
    path = small_course / "grading.yml"
    path.write_text(path.read_text() + "defaults: {rtol: 1.0e-7}\n")
    before = tree_digest(small_course)
    with pytest.raises(skeleton.SkeletonError, match=r"(?s)last top-level key.*bag_of_words\.values"):
        skeleton.make("hw2", root=small_course)
    assert tree_digest(small_course) == before


def test_a_grading_file_that_does_not_load_is_refused(small_course):
    path = small_course / "grading.yml"
    path.write_text("seed: s\nassignments:\n  hw1:\n    checks:\n      f.values: {points: -1}\n")
    before = tree_digest(small_course)
    with pytest.raises(skeleton.SkeletonError, match="does not load"):
        skeleton.make("hw2", root=small_course)
    assert tree_digest(small_course) == before


def test_the_cli_reports_a_bad_name_in_one_line(small_course):
    proc = shell("autograder new hw1 --root .", small_course)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "autograder: error: 'hw1' is already an assignment in grading.yml: choose another name"
    ]


def test_the_title_is_kept_exactly_in_grading_yml_and_the_notebook(small_course):
    title = 'Week 3: "GloVe" & co: #1'
    made = skeleton.make("hw2", root=small_course, title=title)
    assert config.load(small_course / "grading.yml")["hw2"].title == title
    first = json.loads((made.folder / "hw2.ipynb").read_text())["cells"][0]["source"]
    assert first.startswith(f"# {title}\n")
    assert {"hw2.ipynb", "public_checks.py", "hidden_checks.py", "rules.yml", "equivalent_mutants.yml"} <= {
        Path(f).name for f in made.files
    }


def test_the_skeletons_python_files_pass_the_courses_style_checks(small_course):
    made = skeleton.make("hw2", root=small_course)
    ruff = str(Path(sys.executable).parent / "ruff")
    for args in (["format", "--check"], ["check"]):
        proc = subprocess.run(
            [ruff, *args, "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(made.folder)],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
