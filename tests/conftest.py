"""Shared fixtures: the repo root, and a small numpy-only course for fast engine tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import autograder  # noqa: F401  the installed package first: tests/autograder/ must never stand in for it

# The tests' own helpers (toycourse, redteam.trust_cases) are imported from this folder. It is put on
# sys.path here, not with pytest's `pythonpath` option, which would also apply when an instructor
# runs `pytest --assignment ...` with this repo's configuration from another folder: there
# tests/autograder/ shadowed the installed package (as a namespace package) and every check failed.
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Processes the tests spawn (Dask's workers) start from this sys.path: there tests/autograder/ would
# shadow the package as a namespace package unless a regular `autograder` comes before it (under
# `python -m pytest` the working directory does; under the `pytest` script nothing did, and the
# Dask workers could not unpickle a task). The repository root, whose package is the one installed
# (editable), goes first.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toycourse import make_course  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    """The course repo."""
    return ROOT


@pytest.fixture()
def toy_course(tmp_path: Path) -> Path:
    """A complete small course in a temp folder (see toycourse.py)."""
    return make_course(tmp_path / "course")
