"""The committed student releases are exactly what nbgrader makes from the sources, and leak nothing."""

import filecmp
import json
import re

import pytest

from autograder.core import config
from autograder.course import assignment, notebook
from autograder.release import generate as release

NAMES = sorted(config.load(__import__("pathlib").Path(__file__).resolve().parents[3] / "grading.yml"))


@pytest.fixture(scope="module", params=NAMES)
def regenerated(request, root, tmp_path_factory):
    dest = tmp_path_factory.mktemp("release")
    return request.param, release.release(request.param, root=root, dest=dest)


def test_committed_release_matches_nbgrader_output(regenerated, root):
    name, fresh = regenerated
    committed = root / "assignments" / name
    assert sorted(p.name for p in fresh.iterdir()) == sorted(
        p.name for p in committed.iterdir() if p.name != "__pycache__"
    )
    fresh_nb = json.loads((fresh / f"{name}.ipynb").read_text())
    committed_nb = json.loads((committed / f"{name}.ipynb").read_text())
    assert fresh_nb == committed_nb, f"assignments/{name} is out of date: run `autograder release {name}`"
    assert filecmp.cmp(fresh / "public_checks.py", committed / "public_checks.py", shallow=False)
    assert (
        assignment.read_fixtures(fresh / assignment.FIXTURES).keys()
        == assignment.read_fixtures(committed / assignment.FIXTURES).keys()
    )


def test_fixtures_match_the_reference(regenerated, root):
    name, fresh = regenerated
    a, b = (assignment.read_fixtures(p / assignment.FIXTURES) for p in (fresh, root / "assignments" / name))
    assert sorted(a["fixtures"]) == sorted(b["fixtures"])
    assert a["checks"] == b["checks"]
    from autograder.checks.compare import compare_values
    from autograder.core.tolerance import Tolerance

    for cid in a["fixtures"]:
        fresh, committed = a["fixtures"][cid]["expected"], b["fixtures"][cid]["expected"]
        if release.same_content(committed, fresh):
            continue
        # Float32 model outputs (a4's and a8's structure checks) differ in their last bits between CPUs
        # (FMA, vector width), so a release made on one machine is not bit-identical to one made on
        # another. What the self-check needs is that the fresh reference itself passes against the
        # committed fixture, at the check's own tolerance; a stale release misses by far more.
        settings = b["checks"][cid]
        out = compare_values(cid, fresh, committed, tol=Tolerance(settings["rtol"], settings["atol"]))
        if not out.passed:
            pytest.fail(f"{cid}: assignments/{name} is out of date (`autograder release {name}`): {out.message}")


@pytest.mark.parametrize("name", NAMES)
def test_release_has_no_solution_and_no_hidden_check(root, name):
    folder = root / "assignments" / name
    released = sorted(p.name for p in folder.iterdir())
    assert released == sorted([f"{name}.ipynb", "public_checks.py", assignment.FIXTURES]), (
        f"a release holds the notebook, the public checks and their fixtures only: {released}"
    )  # rules.yml, equivalent_mutants.yml, mistakes/ name hidden checks and typical mistakes
    text = "\n".join(p.read_text(errors="replace") for p in folder.iterdir() if p.suffix in (".ipynb", ".py"))
    assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text
    assert not (folder / assignment.HIDDEN_CHECKS).exists()
    assert not (folder / "mistakes").exists() and not (folder / "correct").exists(), (
        "the typical mistakes and correct variants are staff material"
    )
    hidden = assignment.load_checks(root / "solutions" / name / assignment.HIDDEN_CHECKS)
    for check in hidden:
        assert check.id not in text, f"hidden check {check.id} appears in the release"
    # the reference's solution lines are not in the release
    source = notebook.read(root / "solutions" / name / f"{name}.ipynb")
    raw = json.dumps(source)  # lines the source shows outside solutions (e.g. in instructions) may appear
    outside = re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION", "", raw, flags=re.S)
    for cell in notebook.code_cells(source):
        if cell.kind == "solution":
            body = re.search(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S)
            if body:
                for line in body.group(1).splitlines():
                    if len(line.strip()) > 25 and json.dumps(line.strip())[1:-1] not in outside:
                        assert line.strip() not in text, f"solution line leaked: {line.strip()}"
    fixtures = assignment.read_fixtures(folder / assignment.FIXTURES)
    assert not set(fixtures["fixtures"]) & {c.id for c in hidden}


@pytest.mark.parametrize("name", NAMES)
def test_release_stubs_raise_not_implemented(root, name):
    nb = notebook.read(root / "assignments" / name / f"{name}.ipynb")
    for cell in notebook.code_cells(nb):
        if cell.kind == "solution":
            assert "raise NotImplementedError()" in cell.source


def _nbgrader(course, *args):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(course / ".jupyter"),
        "JUPYTER_DATA_DIR": str(course / ".jupyter-data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture()
def toy_released(toy_course, root):
    import shutil

    shutil.copy(root / "nbgrader_config.py", toy_course / "nbgrader_config.py")
    shutil.rmtree(toy_course / "assignments")
    release.release("toy", root=toy_course)
    return toy_course


def test_release_adds_the_assignment_to_the_courses_gradebook(toy_released):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{toy_released / 'gradebook.db'}") as gb:
        toy = gb.find_assignment("toy")
        assert {c.name for c in gb.find_notebook("toy", "toy").grade_cells} == {"grade_double", "grade_scale"}
        assert toy.max_score == 6


def test_fixtures_survive_generate_assignment_force_and_are_byte_stable(toy_released):
    released = toy_released / "assignments" / "toy" / assignment.FIXTURES
    source = toy_released / "solutions" / "toy" / assignment.FIXTURES
    first = released.read_bytes()
    assert source.read_bytes() == first
    proc = _nbgrader(toy_released, "generate_assignment", "toy", "--force")
    assert proc.returncode == 0, proc.stderr
    assert released.read_bytes() == first, "nbgrader generate_assignment --force must keep the public fixtures"
    before = source.stat().st_mtime_ns
    release.release("toy", root=toy_released)
    assert released.read_bytes() == first and source.stat().st_mtime_ns == before  # not rewritten


def test_fixture_bytes_depend_only_on_the_data():
    import time

    import numpy as np

    from autograder.core import plaindata

    value = {"x": np.arange(6.0).reshape(2, 3), "y": [1, "a", np.array([True])]}
    first = plaindata.dumps(value)
    time.sleep(2.1)  # zip timestamps have a 2 s resolution
    assert plaindata.dumps(value) == first


def test_write_fixtures_keeps_a_file_that_differs_by_rounding_only(tmp_path):
    import numpy as np

    data = {"fixtures": {"c": {"expected": np.array([0.1, 0.7310585786300049])}}}
    path = tmp_path / "f.npz"
    assert release.write_fixtures(path, data)
    nudged = {"fixtures": {"c": {"expected": np.nextafter(data["fixtures"]["c"]["expected"], 1.0)}}}
    assert not release.write_fixtures(path, nudged)
    assert release.write_fixtures(path, {"fixtures": {"c": {"expected": np.array([0.1, 0.7310586])}}})
    assert release.write_fixtures(path, {"fixtures": {"c": {"expected": np.array([[0.1, 0.7310586]])}}})  # shape
