"""The notebook's self-check: every function named is checked, one summary; it never stops "Run All"
(a failure raises only with ``strict=True``)."""

from __future__ import annotations

import shutil

import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient

from autograder.course import assignment
from autograder.integrations import selfcheck
from autograder.release import generate as release


@pytest.fixture()
def toy_release(toy_course):
    loaded = assignment.load("toy", root=toy_course)
    folder = toy_course / "assignments" / "toy"
    release.write_fixtures(folder / assignment.FIXTURES, release.fixtures(loaded))
    return folder


def _namespace(double_source: str) -> dict:
    ns = {"np": np, "SCALE": 3.0}
    exec(double_source, ns)
    exec("def scale(z):\n    return z * SCALE\n", ns)
    return ns


def test_a_failing_check_is_printed_and_raises_nothing(toy_release, capsys):
    ns = _namespace("def double(x):\n    return 3 * x\n")
    assert selfcheck.check("double", "scale", namespace=ns, folder=toy_release) is None
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FAIL  double  0/1 public checks"
    assert out[1].startswith("      double.values: double(x) for x of shape (3, 2): values differ")
    assert out[2:] == [
        "PASS  scale   1/1 public checks",
        "self-check: 1 of 2 functions pass their public checks (1 of 2 checks)",
    ]


def test_strict_raises_after_every_function_was_checked(toy_release, capsys):
    ns = _namespace("def double(x):\n    return 3 * x\n")
    with pytest.raises(
        AssertionError, match=r"1 public check\(s\) failed:\ndouble.values: double\(x\) for x of shape \(3, 2\)"
    ):
        selfcheck.check("double", "scale", namespace=ns, folder=toy_release, strict=True)
    out = capsys.readouterr().out
    assert "FAIL  double  0/1 public checks" in out and "PASS  scale   1/1 public checks" in out


def test_strict_passes_quietly_when_every_check_passes(toy_release, capsys):
    ns = _namespace("def double(x):\n    return 2 * x\n")
    assert selfcheck.check("double", "scale", namespace=ns, folder=toy_release, strict=True) is None


def test_all_passing_returns_none(toy_release, capsys):
    assert (
        selfcheck.check(
            "double", "scale", namespace=_namespace("def double(x):\n    return 2 * x\n"), folder=toy_release
        )
        is None
    )
    assert capsys.readouterr().out.endswith("self-check: 2 of 2 functions pass their public checks (2 of 2 checks)\n")


def test_unknown_function_is_named(toy_release):
    with pytest.raises(ValueError, match="no public check for 'triple'"):
        selfcheck.check("double", "triple", namespace={}, folder=toy_release)


def test_no_function_named_is_bad_usage(toy_release):
    with pytest.raises(ValueError, match="name the functions to check"):
        selfcheck.check(namespace={}, folder=toy_release)


WRONG_SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n"  # the sign of z forgotten


@pytest.fixture(scope="module")
def run_all(root, tmp_path_factory):
    """A student's "Run All" of the real a1 release, every answer right but ``sigmoid``.

    The release folder is copied on its own (no course above it: a student's copy) and every cell up
    to the second section's self-check is executed as Jupyter's "Run All" does: stopping at the
    first error. The later sections train a Keras model and add nothing to what this shows.
    """
    name = "a1_perceptron"
    folder = tmp_path_factory.mktemp("student") / name
    shutil.copytree(root / "assignments" / name, folder)
    answers = {
        cell.metadata.nbgrader["grade_id"]: cell.source
        for cell in nbformat.read(root / "solutions" / name / f"{name}.ipynb", as_version=4).cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }
    answers["sigmoid"] = WRONG_SIGMOID
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = answers[gid]
    last = next(
        n for n, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "check_perceptron"
    )
    nb.cells = nb.cells[: last + 1]
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells if c.cell_type == "code"}


def _stdout(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")


def test_run_all_goes_on_past_a_failing_self_check(run_all):
    failing = run_all["check_activations"]
    assert "FAIL  sigmoid" in _stdout(failing) and "PASS  softmax" in _stdout(failing)
    assert "self-check: 5 of 6 functions pass their public checks" in _stdout(failing)
    assert not [o for o in failing.outputs if o.get("output_type") in ("error", "execute_result")]
    later = run_all["check_perceptron"]  # the next section's self-check ran too
    assert later.execution_count is not None
    assert "self-check: 3 of 3 functions pass their public checks" in _stdout(later)
    assert all(c.execution_count is not None for c in run_all.values())


def test_grade_cells_in_a_students_run_all_say_when_they_are_graded(run_all):
    grade_cells = {gid: cell for gid, cell in run_all.items() if gid.startswith("grade_")}
    assert len(grade_cells) == 9
    for gid, cell in grade_cells.items():
        target = gid.removeprefix("grade_")
        (line,) = (
            cell.outputs
        )  # one line (on stderr: see autograder.integrations.nbgrader.autograde), no score, no error
        assert (line.output_type, line.name) == ("stream", "stderr")
        assert line.text == f"{target} is graded after you submit; the self-check cells run its public checks now\n"


def test_a_failure_that_follows_from_another_function_names_it_first(toy_release, tmp_path, capsys):
    """Only scale is checked, but it calls double, whose public checks are run too to know the cause."""
    code = tmp_path / "cells.py"  # a file, as Jupyter keeps each cell's source, so its functions' source can be read
    code.write_text("def double(x):\n    return 3 * x\n\ndef scale(z):\n    return double(z) * SCALE / 2\n")
    ns = {"np": np, "SCALE": 3.0}
    exec(compile(code.read_text(), str(code), "exec"), ns)
    selfcheck.check("scale", namespace=ns, folder=toy_release)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FAIL  scale  0/1 public checks"
    assert out[1].startswith(
        "      scale.values: scale calls double, which failed double.values: fix double first. scale(z) for z"
    )
    assert out[2] == "self-check: 0 of 1 functions pass their public checks (0 of 1 checks)"
