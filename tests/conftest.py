"""Shared fixtures: the repo root, and a small numpy-only course for fast engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from toycourse import make_course

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    """The course repo."""
    return ROOT


@pytest.fixture()
def toy_course(tmp_path: Path) -> Path:
    """A complete small course in a temp folder (see toycourse.py)."""
    return make_course(tmp_path / "course")
