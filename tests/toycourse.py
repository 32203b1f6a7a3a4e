"""Helpers for tests: a small numpy-only course for fast engine tests."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path


def make_notebook(cells: list[tuple[str, str, str]]) -> dict:
    """A notebook from (kind, grade_id, source) triples; kind is setup, solution, tests or markdown."""
    out = []
    for kind, gid, source in cells:
        meta = {
            "grade": kind == "tests",
            "solution": kind == "solution",
            "locked": kind != "solution",
            "grade_id": gid,
            "schema_version": 3,
        }
        if kind == "tests":
            meta["points"] = 0
        cell = {
            "cell_type": "markdown" if kind == "markdown" else "code",
            "metadata": {"nbgrader": meta},
            "source": source,
        }
        if cell["cell_type"] == "code":
            cell.update(outputs=[], execution_count=None)
        out.append(cell)
    return {"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


TOY_SOLUTIONS = {
    "double": "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n",
    "scale": "def scale(z):\n    ### BEGIN SOLUTION\n    return z * SCALE\n    ### END SOLUTION\n",
}
TOY_STUBS = {k: v.split("### BEGIN")[0] + "    raise NotImplementedError()\n" for k, v in TOY_SOLUTIONS.items()}

TOY_PUBLIC = """
import numpy as np
from autograder.checks.check import Check

CHECKS = [
    Check("double.values", "double", "double(x) for x of shape (3, 2)", lambda rng: {"x": rng.normal(size=(3, 2))}, hint="2 * x"),
    Check("scale.values", "scale", "scale(z) for z of shape (2, 4)", lambda rng: {"z": rng.normal(size=(2, 4))}, hint="z * SCALE"),
]
"""
TOY_HIDDEN = """
from autograder.checks.check import Check

CHECKS = [
    Check("double.hidden", "double", "double on a hidden input", lambda rng: {"x": rng.normal(size=(5, 7)) * 1000}, hint="keep the shape"),
]
"""
TOY_GRADING = """
seed: toy-salt
assignments:
  toy:
    limits: {check_timeout_s: 3, cell_timeout_s: 3, memory_mb: 600}
    checks:
      double.values: {points: 1}
      scale.values: {points: 2}
      double.hidden: {points: 3, visibility: hidden}
"""


def toy_notebook(solutions: dict[str, str]) -> dict:
    """The toy notebook with the given solution cell sources."""
    return make_notebook(
        [
            ("markdown", "intro", "# Toy"),
            ("setup", "setup_imports", "import numpy as np\nSCALE = 3.0\n"),
            ("solution", "double", solutions["double"]),
            ("solution", "scale", solutions["scale"]),
            ("tests", "check_double", "assert True"),
        ]
    )


def write_json(path: Path, data) -> Path:
    """Writes JSON, making folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


def make_course(tmp_path: Path) -> Path:
    """A complete small course (source, release made by hand, checks, grading.yml) in a folder."""
    write_json(tmp_path / "solutions" / "toy" / "toy.ipynb", toy_notebook(TOY_SOLUTIONS))
    write_json(tmp_path / "assignments" / "toy" / "toy.ipynb", toy_notebook(TOY_STUBS))
    (tmp_path / "solutions" / "toy" / "public_checks.py").write_text(textwrap.dedent(TOY_PUBLIC))
    (tmp_path / "solutions" / "toy" / "hidden_checks.py").write_text(textwrap.dedent(TOY_HIDDEN))
    (tmp_path / "assignments" / "toy" / "public_checks.py").write_text(textwrap.dedent(TOY_PUBLIC))
    (tmp_path / "grading.yml").write_text(TOY_GRADING)
    return tmp_path


def toy_submission(folder: Path, name: str, **cells: str) -> Path:
    """A toy submission: the reference with some solution cells replaced."""
    sols = {k: re.sub(r"^ *### (BEGIN|END) SOLUTION\n", "", v, flags=re.M) for k, v in TOY_SOLUTIONS.items()}
    sols.update(cells)
    return write_json(folder / f"{name}.ipynb", toy_notebook(sols))
