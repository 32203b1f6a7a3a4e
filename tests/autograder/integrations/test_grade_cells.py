"""Grade cells: the same visible source in the instructor's notebook and the release (no hidden
block, so nbgrader's checksums match), graded under ``nbgrader autograde`` in another process, the
points as the cell's value (a top-level call: nbgrader's partial credit), a single line where a
student runs one in their own notebook, and an error, never full credit, where ``nbgrader
autograde`` runs without the autograder installed."""

from __future__ import annotations

import ast
import builtins
import shutil

import pytest
from toycourse import toy_submission

from autograder.integrations.nbgrader import autograde as nbgrade
from autograder.release import gradecells


def test_grade_cell_source_has_no_hidden_block():
    source = gradecells.grade_cell_source("sigmoid")
    assert "HIDDEN" not in source
    assert source.splitlines()[0] == "# Graded after you submit: the public checks of sigmoid above and hidden checks."
    assert source.splitlines()[-1] == "grade('sigmoid')"  # the points are the cell's value
    assert isinstance(ast.parse(source).body[-1], ast.Expr)


def _without_autograder() -> dict:
    """Globals for a grade cell in a kernel where the autograder is not installed."""
    real_import = builtins.__import__

    def no_autograder(name, *args, **kwargs):
        if name.startswith("autograder"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    return {"__builtins__": {**vars(builtins), "__import__": no_autograder}}


def test_a_grade_cell_where_the_autograder_is_not_installed_says_one_line_and_stops_nothing(capsys):
    """A student's kernel without the package (Colab, a laptop): Run All goes on."""
    exec(compile(gradecells.grade_cell_source("sigmoid"), "<grade cell>", "exec"), _without_autograder())
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", "sigmoid is graded after you submit\n")


def test_nbgrader_autograde_without_the_autograder_is_an_error_never_full_marks(tmp_path, monkeypatch):
    """nbgrader gives a grade cell that raises nothing full marks: where it autogrades
    (``autograded/<student>/<assignment>``) without the package, the cell must fail."""
    folder = tmp_path / "autograded" / "bob" / "toy"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    with pytest.raises(RuntimeError, match="needs the autograder installed"):
        exec(compile(gradecells.grade_cell_source("sigmoid"), "<grade cell>", "exec"), _without_autograder())


def test_sync_writes_the_visible_grade_cell(toy_course):
    from autograder.course import assignment

    loaded = assignment.load("toy", root=toy_course)
    synced = gradecells.sync(loaded.source, loaded.config, {c.id: c.target for c in loaded.checks})
    cells = [c for c in synced["cells"] if c["metadata"]["nbgrader"].get("grade_id", "").startswith("grade_")]
    assert [c["source"] for c in cells] == [gradecells.grade_cell_source(t) for t in ("double", "scale")]


@pytest.fixture()
def course(toy_course, root, tmp_path, monkeypatch):
    shutil.copy(root / "nbgrader_config.py", toy_course / "nbgrader_config.py")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return toy_course


def _student_line(target: str) -> str:
    return f"{target} is graded after you submit; the self-check cells run its public checks now\n"


def test_in_a_students_own_folder_it_prints_one_line_and_no_score(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "downloads" / "toy"  # the release, alone: no course above it
    toy_submission(folder, "toy")
    monkeypatch.chdir(folder)
    assert nbgrade.grading_course(folder) is None
    assert nbgrade.grade("double") is None
    assert capsys.readouterr() == ("", _student_line("double"))


def test_in_the_courses_release_folder_it_does_not_grade(course, tmp_path, monkeypatch, capsys):
    folder = course / "assignments" / "toy"
    monkeypatch.chdir(folder)
    assert nbgrade.grading_course(folder) is None
    assert nbgrade.grade("scale") is None
    assert capsys.readouterr().err == _student_line("scale")
    assert not list((tmp_path / "cache").rglob("result.json"))  # nothing was graded


def test_in_a_course_without_its_solutions_it_does_not_grade(course, monkeypatch, capsys):
    shutil.rmtree(course / "solutions")  # a course shared with students, solutions left out
    folder = course / "work" / "toy"
    toy_submission(folder, "toy")
    monkeypatch.chdir(folder)
    assert nbgrade.grade("double") is None
    assert capsys.readouterr().err == _student_line("double")


def test_under_nbgrader_autograde_it_grades_in_another_process(course, monkeypatch, capsys):
    """In ``autograded/<student>/toy/`` the cell grades as before; the kernel it runs in never loads the
    reference or the hidden checks (a tripwire on both would fire if it did)."""
    from autograder.course import assignment
    from autograder.grading import reference

    def tripwire(*args, **kwargs):
        raise AssertionError("the grade cell loaded the reference or the hidden checks in the student's kernel")

    monkeypatch.setattr(reference, "reference_namespace", tripwire)
    monkeypatch.setattr(assignment, "load_checks", tripwire)
    monkeypatch.setattr(assignment, "load", tripwire)
    folder = course / "autograded" / "alice" / "toy"
    toy_submission(folder, "toy", double="def double(x):\n    return (2 * x).T\n")
    monkeypatch.chdir(folder)
    assert nbgrade.grading_course(folder) == course
    assert nbgrade.grade("scale") == 2.0
    assert nbgrade.grade("double") == 0.0
    out = capsys.readouterr().out
    assert "PASS  2/2 scale.values" in out and "FAIL  0/1 double.values" in out and "graded after you submit" not in out


def test_a_cell_that_cannot_grade_under_nbgrader_earns_nothing(course, monkeypatch, capsys):
    """Student code that changed the working directory (here into a sub-folder of its autograded
    folder) makes the cell print its line instead of grading: nbgrader reads that as 0, not as the
    full credit it gives a cell with no output."""
    import nbformat
    from nbgrader.utils import determine_grade

    folder = course / "autograded" / "eve" / "toy" / "data"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    assert nbgrade.grade("scale") is None
    captured = capsys.readouterr()
    cell = nbformat.v4.new_code_cell(gradecells.grade_cell_source("scale"))
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "grade_scale"}
    cell.metadata["nbgrader"]["points"] = 2.0
    assert determine_grade(cell) == (2.0, 2.0)  # no output at all: nbgrader's full credit
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text=captured.err)]
    assert captured.out == "" and determine_grade(cell) == (0, 2.0)
