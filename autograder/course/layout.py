"""The course on disk, in one place: where everything lies, and what grading an assignment depends on.

A course is a folder (``root``) that nbgrader also reads::

    grading.yml                       points, visibility, tolerances, limits, the salt
    solutions/NAME/NAME.ipynb         the instructor notebook (nbgrader's source)
    solutions/NAME/public_checks.py   the checks, and hidden_checks.py, test_*.py (checks as tests)
    solutions/NAME/mistakes/, correct/, equivalent_mutants.yml   the audit's examples (not graded)
    assignments/NAME/NAME.ipynb       the release (nbgrader's), with public_checks.py and the fixtures
    data/                             the coursedata package (text the notebooks read)
    .autograder/pool/                 the term's pool of expected values (never seen by workers)

:meth:`Layout.grading_files` lists what a grade of an assignment depends on, so the term's pool
key (:mod:`autograder.grading.pool`) and nbgrader's result cache
(:mod:`autograder.integrations.nbgrader.autograde`) are keyed on the same files: a checks file (a
pytest-style one too) or a data file changed is a new key; a typical mistake changed is not.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from pathlib import Path

import autograder

GRADING_FILE = "grading.yml"
FIXTURES = "public_expected.npz"
CHECK_FILES = ("public_checks.py", "hidden_checks.py")


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where a course's parts lie.

    Attributes:
        root: The course folder.
    """

    root: Path

    @property
    def grading_yml(self) -> Path:
        """The course's ``grading.yml``."""
        return Path(self.root) / GRADING_FILE

    def solutions(self, name: str) -> Path:
        """``solutions/NAME/``: the instructor's folder of one assignment (never released)."""
        return Path(self.root) / "solutions" / name

    def source(self, name: str) -> Path:
        """The instructor notebook (nbgrader's source) of one assignment."""
        return self.solutions(name) / f"{name}.ipynb"

    def release_folder(self, name: str) -> Path:
        """``assignments/NAME/``: the student release (nbgrader's)."""
        return Path(self.root) / "assignments" / name

    def release(self, name: str) -> Path:
        """The release notebook of one assignment."""
        return self.release_folder(name) / f"{name}.ipynb"

    def fixtures(self, name: str) -> Path:
        """The released public fixtures (inputs and expected values of the public checks)."""
        return self.release_folder(name) / FIXTURES

    @property
    def data(self) -> Path:
        """``data/``: the coursedata package."""
        return Path(self.root) / "data"

    @property
    def pool(self) -> Path:
        """Where the term's pools are kept (hidden from workers with the rest of the course)."""
        return Path(self.root) / ".autograder" / "pool"

    def check_files(self, name: str) -> list[Path]:
        """An assignment's check files: ``public_checks.py``, ``hidden_checks.py`` and ``test_*.py``
        beside the source notebook (not the audit's ``mistakes/`` or ``correct/``)."""
        folder = self.solutions(name)
        tests = sorted(folder.glob("test_*.py")) if folder.is_dir() else []
        return [p for p in [*(folder / f for f in CHECK_FILES), *tests] if p.is_file()]

    def data_files(self) -> list[Path]:
        """Every file of ``data/`` (compiled caches left out)."""
        return _files(self.data)

    def grading_files(self, name: str) -> list[Path]:
        """What grading ``name`` depends on in the course: ``grading.yml``, the source notebook, the
        check files, the release notebook and its fixtures, and ``data/`` (absent ones included)."""
        return [
            self.grading_yml,
            self.source(name),
            *self.check_files(name),
            self.release(name),
            self.fixtures(name),
            *self.data_files(),
        ]


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def library_files() -> list[Path]:
    """The grader's own source files (its code is part of every verdict)."""
    return _files(Path(autograder.__file__).parent, "*.py")


def digest(paths: Iterable[Path], *, base: Path) -> str:
    """One digest of files' names (relative to ``base`` where they lie below it) and contents; an
    absent file counts as absent."""
    h = hashlib.sha256()
    for path in paths:
        path = Path(path)
        name = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
        h.update(str(name).encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<absent>")
        h.update(b"\0")
    return h.hexdigest()
