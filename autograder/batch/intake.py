"""The one intake of submissions: which notebooks a run grades, and under which names.

Every front end finds its submissions here (``autograder grade``, the pytest plugin, Gradescope's
``run_autograder`` through ``grade``, nbgrader's grade cells, a Dask run, the gradebook sink), and
reads each one through :func:`autograder.course.notebook.read_submission_bytes`, which refuses a
link anywhere on its path. A submission's name is student-controlled (a folder or file name):
it is made a safe id (:func:`autograder.core.names.safe_id`) that cannot leave a results folder,
start a formula or carry a control character, and names that collide (also ignoring case) are
all graded under distinct names, flagged for review.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from autograder.core import names
from autograder.term.deadlines import submission_time

NBGRADER_FOLDERS = ("submitted", "autograded")  # nbgrader's <folder>/<student>/<assignment>/ trees


class NoNotebook(FileNotFoundError):
    """No notebook where one was asked for: every path given is missing or a folder without a
    ``.ipynb`` in it (a batch has nothing to grade), or ``autograder check`` was given a folder."""


@dataclasses.dataclass(frozen=True)
class Submission:
    """One notebook to grade.

    Attributes:
        path: The notebook (not resolved: it may be a link, which grading refuses).
        name: The safe id its result is written under (:func:`autograder.core.names.safe_id` of
            the student's folder or the file's stem, made distinct from the others).
        tree: The submission tree it must lie in as a plain file (the folder given on the command
            line, or the notebook's own folder when it was given directly).
        problems: What the student should know about their folder (extra notebooks not graded).
        flags: Review flags set before grading (``name-collision``).
        student: The student's id as nbgrader knows it (the name of their folder below
            ``submitted/``, one path component), or None outside nbgrader's layout.
        submitted_at: When it was submitted (ISO 8601), from nbgrader's ``timestamp.txt`` or the
            LMS download's name, or empty.
    """

    path: Path
    name: str
    tree: Path
    problems: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    student: str | None = None
    submitted_at: str = ""


@dataclasses.dataclass(frozen=True)
class Collected:
    """What :func:`collect` found: submissions, paths that do not exist, folders without a
    notebook, and notes for the grader."""

    submissions: list[Submission]
    missing: list[str]
    notes: list[str]
    empty: list[str] = dataclasses.field(default_factory=list)

    def by_name(self) -> dict[str, Submission]:
        """The submissions by their (distinct) names."""
        return {s.name: s for s in self.submissions}

    def unused(self) -> list[str]:
        """One line per path given that holds no notebook: missing, or a folder without one."""
        return self.missing + self.empty

    def require_some(self) -> Collected:
        """Itself, unless paths were given and none holds a notebook.

        Raises:
            NoNotebook: Nothing to grade; the message names each path and what is wrong with it.
        """
        if not self.submissions and self.unused():
            raise NoNotebook("; ".join(self.unused()))
        return self


def submission_name(path: Path, assignment: str) -> str:
    """A notebook's name when given directly: its student in nbgrader's tree (see :func:`_student`),
    else the file's stem, as a safe id. Never resolves links."""
    path = Path(path)
    return names.safe_id(_student(path, path.parent, assignment, direct=True) or path.stem)


def _walk_notebooks(top: Path, assignment: str = "") -> tuple[list[Path], list[str]]:
    """Every ``*.ipynb`` entry under ``top`` (files, links, FIFOs alike: grading refuses what is not a
    plain file), without following linked folders. A linked folder is reported and stands for the
    notebook nbgrader would expect in it (``<link>/<assignment>.ipynb`` or
    ``<link>/<assignment>/<assignment>.ipynb``), so its student gets an ``invalid`` result naming it."""
    found, notes = [], []
    for folder, dirs, files in os.walk(top, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
        for d in list(dirs):
            if os.path.islink(here / d):
                dirs.remove(d)
                notes.append(f"{names.shown_path(here / d)}: a symbolic link to a folder, not followed")
                if d.endswith(".ipynb"):
                    found.append(here / d)
                elif assignment:
                    inner = here / d if d == assignment else here / d / assignment
                    found.append(inner / f"{assignment}.ipynb")
        found.extend(here / f for f in files if f.endswith(".ipynb"))
    return sorted(found), notes


def notebooks_under(top: Path, *, assignment: str) -> list[Path]:
    """Every notebook under the folder ``top``, as :func:`collect` finds them before it picks one per
    student: links not followed, a linked folder standing for ``<assignment>.ipynb`` in it (reading
    it is refused), ``.ipynb_checkpoints`` skipped. For a front end whose folder is one student's
    upload (Gradescope), which chooses the notebook itself."""
    return _walk_notebooks(Path(top), assignment)[0]


def other_files(top: Path, *, limit: int = 5) -> tuple[list[str], int]:
    """Up to ``limit`` files under ``top`` other than notebooks, as paths relative to it (links not
    followed, ``.ipynb_checkpoints`` skipped), and how many there are in all."""
    seen: list[str] = []
    total = 0
    for folder, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
        for f in sorted(files):
            if not f.endswith(".ipynb"):
                total += 1
                if len(seen) < limit:
                    seen.append(os.path.relpath(os.path.join(folder, f), top))
    return seen, total


def _without_notebook(folder: Path) -> str:
    """The note on a folder given to grade that holds no notebook: what was looked for, what is there."""
    seen, total = other_files(folder)
    there = "it is empty" if not total else f"it holds {total} other file(s): " + ", ".join(map(names.shown_path, seen))
    more = ", ..." if total > len(seen) else ""
    return f"{names.shown_path(folder)}: no notebook (*.ipynb) in this folder or below it ({there}{more})"


def one_notebook(path: str | Path) -> Path:
    """The notebook file a front end that reads one notebook was given (``autograder check``).

    Raises:
        NoNotebook: ``path`` does not exist, or is a folder (the message names a notebook in it,
            or says it holds none).
    """
    path = Path(path)
    if not os.path.lexists(path):
        raise NoNotebook(f"{names.shown_path(path)}: no such file or folder")
    if path.is_dir() and not path.is_symlink():
        found = _walk_notebooks(path)[0]
        if not found:
            raise NoNotebook(_without_notebook(path) + "; give your notebook file")
        raise NoNotebook(
            f"{names.shown_path(path)}: a folder, not a notebook; give the notebook file itself, "
            f"e.g. {names.shown_path(found[0])}"
        )
    return path


def collect(paths: list[str | Path], *, assignment: str) -> Collected:
    """The submissions in ``paths``: notebooks given directly, or found in given folders.

    In nbgrader's tree (a notebook under ``submitted/<student>/<assignment>/``, or under
    ``<student>/<assignment>/`` inside a given folder; see :func:`_student`) the student folder names
    the submission and only one notebook per student is graded: ``<assignment>.ipynb`` if there,
    else the only one (or the first in name order); the others are named in that student's
    problems. A file inside one student's folder never speaks for another. Elsewhere (a flat list
    or folder) the file's stem names it. Every name is made a safe id; names that collide (also
    ignoring case) are all graded: the first in the order given keeps the name, each other gets
    ``<name>-<6 hex digits of its path>`` and a ``name-collision`` flag. Folder links are not
    followed. A path that does not exist is listed in ``missing``, a folder with no notebook in
    ``empty``, and the others are collected (:meth:`Collected.require_some` refuses a collection
    of nothing). Notes and flags show paths with :func:`autograder.core.names.shown_path` (no
    control character).
    """
    notes: list[str] = []
    missing: list[str] = []
    empty: list[str] = []
    found: list[tuple[Path, Path, bool]] = []  # (notebook, tree, given directly)
    for p in map(Path, paths):
        if not os.path.lexists(p):
            missing.append(f"{names.shown_path(p)}: no such file or folder")
        elif p.is_dir() and not p.is_symlink():
            nbs, more = _walk_notebooks(p, assignment)
            notes += more
            found.extend((nb, p, False) for nb in nbs)
            if not nbs:
                empty.append(_without_notebook(p))
        else:
            found.append((p, p.parent, True))
    groups: dict[tuple[str, bool], list[tuple[Path, Path]]] = {}
    for nb, tree, direct in found:
        student = _student(nb, tree, assignment, direct=direct)
        key = (student, True) if student is not None else (str(nb), False)
        groups.setdefault(key, []).append((nb, tree))

    picked = [
        _pick(members, who, assignment) if nbgrader_layout else (*members[0], members[0][0].stem, (), None)
        for (who, nbgrader_layout), members in groups.items()
    ]
    return Collected(_unique_names(picked, notes), missing, notes, empty)


def _pick(members: list[tuple[Path, Path]], who: str, assignment: str):
    """One student's notebook to grade, ``<assignment>.ipynb`` if there, and a problem naming the others."""
    members = sorted(set(members))
    named = [m for m in members if m[0].name == f"{assignment}.ipynb" and m[0].parent.name == assignment]
    chosen = named[0] if named else members[0]
    extras = [m[0] for m in members if m != chosen]
    problems = ()
    if extras:
        listed = ", ".join(
            str(m.relative_to(chosen[0].parent)) if m.is_relative_to(chosen[0].parent) else m.name for m in extras
        )
        problems = (
            f"only {chosen[0].name} was graded; other notebooks in your submission were not: {listed}"
            + ("" if named else f" (name your notebook {assignment}.ipynb)"),
        )
    return chosen[0], chosen[1], who, problems, who


def _unique_names(picked, notes: list[str]) -> list[Submission]:
    """The submissions under distinct safe ids: a later one whose id equals an earlier one's (also
    ignoring case) gets ``<id>-<6 hex digits of its path>`` and a ``name-collision`` flag."""
    taken: set[str] = set()
    first: dict[str, Path] = {}
    out = []
    for nb, tree, raw, problems, student in picked:
        safe = names.safe_id(raw)
        name = names.distinct(safe, taken, salt=os.path.abspath(nb))
        flags: tuple[str, ...] = ()
        if name != safe:
            here, earlier = names.shown_path(nb), names.shown_path(first[safe.casefold()])
            flags = (f"name-collision: {here} and {earlier} are both named {safe!r}; this one was graded as {name!r}",)
            notes.append(f"{here}: named {safe!r} like {earlier}; graded as {name!r}")
        first.setdefault(safe.casefold(), nb)
        student = student if _one_component(student) else None
        out.append(Submission(nb, name, tree, problems, flags, student, submission_time(nb)))
    return out


def _one_component(name: str | None) -> bool:
    """Whether ``name`` can stand for one folder below another (nbgrader's student folder)."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\0" not in name


def _student(nb: Path, tree: Path, assignment: str, *, direct: bool) -> str | None:
    """The student of a notebook in nbgrader's layout, or None (then its file name names it).

    The student is the folder above the assignment folder: below nbgrader's ``submitted/`` (or
    ``autograded/``), or below the folder given on the command line; the first such folder from
    the top counts, so a folder inside one student's folder never names another student. A
    notebook given directly as ``<student>/<assignment>/<assignment>.ipynb`` is that student's.
    """
    parts = Path(os.path.abspath(nb)).parts
    for k in range(len(parts) - 3):
        if parts[k] in NBGRADER_FOLDERS and parts[k + 2] == assignment:
            return parts[k + 1]
    if not direct:
        for n in range(len(Path(os.path.abspath(tree)).parts) + 1, len(parts) - 1):
            if parts[n] == assignment:
                return parts[n - 1]
    if nb.stem == assignment and nb.parent.name == assignment and len(parts) >= 3:
        return parts[-3]
    return None


def expand(paths: list[str | Path]) -> list[Path]:
    """Notebooks given directly, or found (recursively, not following folder links) in given folders.

    Raises:
        FileNotFoundError: A path does not exist.
    """
    out = []
    for p in map(Path, paths):
        if p.is_dir() and not p.is_symlink():
            out.extend(_walk_notebooks(p)[0])
        elif os.path.lexists(p):
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return out
