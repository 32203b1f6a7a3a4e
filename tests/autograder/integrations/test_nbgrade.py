"""Grade cells under nbgrader: results cached privately and keyed on everything the verdict depends on."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from toycourse import toy_submission

from autograder.integrations.nbgrader import autograde as nbgrade
from autograder.integrations.nbgrader import privatecache

NEARLY = "def double(x):\n    return 2 * x * (1 + 1e-5)\n"  # right within 1e-3, wrong within 1e-7


@pytest.fixture()
def graded_here(toy_course, root, tmp_path, monkeypatch):
    shutil.copy(root / "nbgrader_config.py", toy_course / "nbgrader_config.py")
    folder = toy_course / "submitted" / "alice" / "toy"
    toy_submission(folder, "toy", double=NEARLY)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(folder)
    return toy_course


def test_grade_cell_sees_a_tolerance_change_in_grading_yml(graded_here, capsys):
    assert nbgrade.grade("double") == 0.0
    first = capsys.readouterr().out
    assert "FAIL  0/1 double.values" in first
    yml = graded_here / "grading.yml"
    yml.write_text(yml.read_text().replace("double.values: {points: 1}", "double.values: {points: 1, rtol: 1.0e-3}"))
    assert nbgrade.grade("double") == 1.0  # double.values now passes; double.hidden (rtol 1e-7) still fails
    assert "PASS  1/1 double.values" in capsys.readouterr().out


def test_cache_is_private_and_keeps_no_notebook(graded_here, tmp_path, capsys):
    nbgrade.grade("scale")
    base = tmp_path / "cache" / "autograder"
    for folder in [base, *base.rglob("*")]:
        info = os.lstat(folder)
        assert info.st_uid == os.getuid()
        if stat.S_ISDIR(info.st_mode):
            assert stat.S_IMODE(info.st_mode) == 0o700, folder
    assert not list(base.rglob("*.ipynb")), "the student's notebook copy must be deleted once graded"
    (cached,) = base.rglob("result.json")
    stamp = cached.stat().st_mtime_ns
    assert nbgrade.grade("double") == 0.0  # the notebook's other grade cell: the same grading, from the cache
    assert list(base.rglob("result.json")) == [cached] and cached.stat().st_mtime_ns == stamp


def test_a_cache_folder_open_to_others_is_not_trusted(graded_here, tmp_path, capsys):
    assert nbgrade.grade("scale") == 2.0
    capsys.readouterr()
    base = tmp_path / "cache" / "autograder"
    (entry,) = [p.parent for p in base.rglob("result.json")]
    entry.chmod(0o777)  # e.g. someone made it writable: anything in it could be planted
    assert nbgrade.grade("scale") == 0.0
    assert "refused its cache folder" in capsys.readouterr().out
    with pytest.raises(privatecache.CacheError, match="lets other users in"):
        privatecache.private_folder("nbgrader", entry.name, base=base)


@pytest.mark.parametrize(
    ("change", "new_key"),
    [
        ("pytest_style_checks", True),  # once left out of the key: a stale cached grade was reused
        ("data", True),  # likewise
        ("hidden_checks", True),
        ("grading_yml", True),
        ("a_typical_mistake", False),  # the audit's examples are never graded
        ("a_correct_variant", False),
    ],
)
def test_the_cache_key_covers_everything_grading_depends_on(toy_course, change, new_key):
    notebook = b'{"cells": []}'
    before = nbgrade.cache_key(notebook, course=toy_course, assignment="toy")
    solutions = toy_course / "solutions" / "toy"
    edits = {
        "pytest_style_checks": (solutions / "test_double.py", "def test_double(student):\n    assert True\n"),
        "data": (toy_course / "data" / "words.txt", "a b c\n"),
        "hidden_checks": (
            solutions / "hidden_checks.py",
            (solutions / "hidden_checks.py").read_text() + "\n# edited\n",
        ),
        "grading_yml": (toy_course / "grading.yml", (toy_course / "grading.yml").read_text() + "\n# edited\n"),
        "a_typical_mistake": (solutions / "mistakes" / "wrong.py", "def double(x):\n    return x\n"),
        "a_correct_variant": (solutions / "correct" / "loop.py", "def double(x):\n    return x + x\n"),
    }
    path, text = edits[change]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    after = nbgrade.cache_key(notebook, course=toy_course, assignment="toy")
    assert (after != before) is new_key, change
    assert nbgrade.cache_key(b'{"cells": [1]}', course=toy_course, assignment="toy") != after  # and the notebook
