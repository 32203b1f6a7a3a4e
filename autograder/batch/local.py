"""Grading many submissions: one assignment load and one reference for the whole batch."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path

from autograder.batch.sinks import Sink
from autograder.course import assignment as assignment_mod
from autograder.course import notebook
from autograder.grading import engine
from autograder.grading.session import open_session
from autograder.model import results
from autograder.model.results import CheckResult, SubmissionResult


def submission_name(path: Path, assignment: str) -> str:
    """A notebook's name when given directly: its student in nbgrader's tree (see :func:`_student`),
    else the file's stem. Never resolves links."""
    path = Path(path)
    return _student(path, path.parent, assignment, direct=True) or path.stem


@dataclasses.dataclass(frozen=True)
class Submission:
    """One notebook to grade.

    Attributes:
        path: The notebook (not resolved: it may be a link, which grading refuses).
        name: The student id or file stem its result is written under.
        tree: The submission tree it must lie in as a plain file (the folder given on the command
            line, or the notebook's own folder when it was given directly).
        problems: What the student should know about their folder (extra notebooks not graded).
        flags: Review flags set before grading (``name-collision``).
    """

    path: Path
    name: str
    tree: Path
    problems: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Collected:
    """What :func:`collect` found: submissions, paths that do not exist, and notes for the grader."""

    submissions: list[Submission]
    missing: list[str]
    notes: list[str]


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
                notes.append(f"{here / d}: a symbolic link to a folder, not followed")
                if d.endswith(".ipynb"):
                    found.append(here / d)
                elif assignment:
                    inner = here / d if d == assignment else here / d / assignment
                    found.append(inner / f"{assignment}.ipynb")
        found.extend(here / f for f in files if f.endswith(".ipynb"))
    return sorted(found), notes


def collect(paths: list[str | Path], *, assignment: str) -> Collected:
    """The submissions in ``paths``: notebooks given directly, or found in given folders.

    In nbgrader's tree (a notebook under ``submitted/<student>/<assignment>/``, or under
    ``<student>/<assignment>/`` inside a given folder; see :func:`_student`) the student folder names
    the submission and only one notebook per student is graded: ``<assignment>.ipynb`` if there,
    else the only one (or the first in name order); the others are named in that student's
    problems. A file inside one student's folder never speaks for another. Elsewhere (a flat list
    or folder) the file's stem names it. Names that collide are all graded: the first in the order
    given keeps the name, each other gets ``<name>-<6 hex digits of its path>`` and a
    ``name-collision`` flag. Folder links are not followed. A path that does not exist is listed
    in ``missing`` and the others are still collected.
    """
    notes: list[str] = []
    missing: list[str] = []
    found: list[tuple[Path, Path, bool]] = []  # (notebook, tree, given directly)
    for p in map(Path, paths):
        if not os.path.lexists(p):
            missing.append(f"{p}: no such file or folder")
        elif p.is_dir() and not p.is_symlink():
            nbs, more = _walk_notebooks(p, assignment)
            notes += more
            found.extend((nb, p, False) for nb in nbs)
        else:
            found.append((p, p.parent, True))
    groups: dict[tuple[str, bool], list[tuple[Path, Path]]] = {}
    for nb, tree, direct in found:
        student = _student(nb, tree, assignment, direct=direct)
        key = (student, True) if student is not None else (str(nb), False)
        groups.setdefault(key, []).append((nb, tree))

    picked = [
        _pick(members, who, assignment) if nbgrader_layout else (*members[0], members[0][0].stem, ())
        for (who, nbgrader_layout), members in groups.items()
    ]
    return Collected(_unique_names(picked, notes), missing, notes)


def _pick(members: list[tuple[Path, Path]], who: str, assignment: str) -> tuple[Path, Path, str, tuple[str, ...]]:
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
    return chosen[0], chosen[1], who, problems


def _unique_names(picked, notes: list[str]) -> list[Submission]:
    """The submissions under distinct names: a later one named like an earlier one gets
    ``<name>-<6 hex digits of its path>`` and a ``name-collision`` flag."""
    taken: dict[str, Path] = {}
    out = []
    for nb, tree, name, problems in picked:
        flags: tuple[str, ...] = ()
        if name in taken:
            first = taken[name]
            new = f"{name}-{hashlib.sha256(os.path.abspath(nb).encode()).hexdigest()[:6]}"
            while new in taken:
                new += "x"
            flags = (f"name-collision: {nb} and {first} are both named {name!r}; this one was graded as {new!r}",)
            notes.append(f"{nb}: named {name!r} like {first}; graded as {new!r}")
            name = new
        taken[name] = nb
        out.append(Submission(nb, name, tree, problems, flags))
    return out


NBGRADER_FOLDERS = ("submitted", "autograded")  # nbgrader's <folder>/<student>/<assignment>/ trees


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


def _engine_failure(path: Path, name: str, loaded, err: BaseException) -> SubmissionResult:
    print(f"autograder: internal error while grading {path}:\n{traceback.format_exc()}", file=sys.stderr)
    checks = [
        CheckResult(
            c.id,
            c.target,
            "error",
            0.0,
            float(loaded.settings(c).points),
            loaded.settings(c).hidden,
            "not graded: the autograder failed; your instructor has the details",
            "crashed",
            c.hint,
        )
        for c in loaded.checks
    ]
    return SubmissionResult(
        loaded.name,
        name,
        0.0,
        float(sum(c.max_points for c in checks)),
        "crashed",
        f"autograder failed ({type(err).__name__}); regrade after fixing",
        checks,
        [],
        {},
    )


def result_path(out: Path, submission: str, assignment: str) -> Path:
    """Where a submission's ``result.json`` goes."""
    return Path(out) / submission / assignment / "result.json"


def _previous(path: Path) -> SubmissionResult | None:
    try:
        return results.read(path)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def select(
    paths: list[Path],
    names: list[str],
    *,
    assignment: str,
    out: Path,
    resume: bool,
    only_failed: bool,
    trees: list[Path] | None = None,
):
    """The submissions still to grade: all, or (resume) those without a result for their current
    file, or (only_failed) those whose result ended in error, timeout, memory, crash or invalid."""
    todo = []
    for n, (path, name) in enumerate(zip(paths, names)):
        prev = _previous(result_path(out, name, assignment)) if (resume or only_failed) else None
        if prev is not None:
            try:
                raw = notebook.read_submission_bytes(path, tree=trees[n] if trees else None)
                same_file = prev.submission_sha256 == hashlib.sha256(raw).hexdigest()
            except notebook.NotebookError:
                same_file = False
            failed = prev.status != "ok" or any(c.category in ("timeout", "memory", "crashed") for c in prev.checks)
            if only_failed and not failed and same_file:
                continue
            if resume and not only_failed and same_file:
                continue
        todo.append((path, name))
    return todo


def _write(result: SubmissionResult, out: Path, assignment: str, sinks: Sequence[Sink]) -> None:
    path = results.write(result, result_path(out, result.submission, assignment))
    for sink in sinks:
        sink.add(result, folder=path.parent)


def grade_many(
    submissions,
    *,
    assignment: str,
    root: Path,
    out: Path,
    sinks: Sequence[Sink] = (),
    jobs: int = 1,
    resume: bool = False,
    only_failed: bool = False,
    progress=None,
    fast: bool = True,
    isolate: bool = True,
    scheduler: str | None = None,
    on_plan=None,
    pool: Path | None = None,
) -> list[SubmissionResult]:
    """Grades notebooks, several at a time, writing each result as soon as it is known.

    Args:
        submissions: Notebooks or folders of notebooks.
        assignment: The assignment's name.
        root: The course repo.
        out: The results folder.
        sinks: Outputs besides ``result.json`` (:mod:`autograder.batch.sinks`), each given every
            result as it is written and closed when the batch ends.
        jobs: Submissions graded at the same time.
        resume: Skip submissions that already have a result for the same file (an interrupted batch).
        only_failed: Regrade only submissions whose result ended in an error status or timeout.
        progress: Called as ``progress(done, total, result)`` after each submission.
        fast: Fork single-use workers from a process that has imported TensorFlow once.
        isolate: Confine workers (own user, private mounts hiding the course and other submissions,
            no network) as far as this machine allows; see :mod:`autograder.sandbox.isolation`.
        scheduler: A Dask scheduler address (``tcp://host:port``): grade on that cluster instead
            of here, with the same result files (see :mod:`autograder.batch.cluster`).
        on_plan: Called once as ``on_plan(to_grade, skipped)`` when it is known how many
            submissions will be graded and how many ``resume`` / ``only_failed`` skipped.
        pool: Where the term's expected values are kept (:mod:`autograder.grading.pool`; default
            ``.autograder/pool`` in ``root``; a Dask cluster's workers need it at the same path).

    Returns:
        The results graded in this run, in submission order. Paths that do not exist are reported
        on stderr and the others graded; name collisions are graded under distinct names (see
        :func:`collect`).

    Raises:
        FileNotFoundError: None of ``submissions`` exists.
    """
    loaded = assignment_mod.load(assignment, root=root)
    found = collect(submissions, assignment=assignment)
    for note in found.missing + found.notes:
        print(f"autograder: {note}", file=sys.stderr)
    if found.missing and not found.submissions:
        raise FileNotFoundError("; ".join(found.missing))
    paths = [s.path for s in found.submissions]
    by_name = {s.name: s for s in found.submissions}
    for stale in Path(out).glob(f"*/{assignment}/.*.tmp") if Path(out).is_dir() else []:
        stale.unlink(missing_ok=True)  # half-written by a grader that was killed
    todo = select(
        paths,
        [s.name for s in found.submissions],
        assignment=assignment,
        out=Path(out),
        resume=resume,
        only_failed=only_failed,
        trees=[s.tree for s in found.submissions],
    )
    if on_plan is not None:
        on_plan(len(todo), len(paths) - len(todo))
    finished = _Finished(by_name, out=Path(out), assignment=assignment, sinks=sinks, total=len(todo), progress=progress)
    if scheduler:
        _grade_on_cluster(
            todo, finished, loaded=loaded, by_name=by_name, scheduler=scheduler, root=Path(root), pool=pool
        )
    else:
        hide = [
            Path(out),
            Path.home(),
            *{Path(os.path.abspath(p)).parent for p in paths},
            *{p.resolve().parent for p in paths},
        ]
        with open_session(
            loaded, root=Path(root), jobs=jobs, fork=fast and bool(todo), isolate=isolate, hide=hide, pool=pool
        ) as session:
            with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                futures = [pool.submit(_grade_one, session, path, name, by_name[name].tree) for path, name in todo]
                for future in concurrent.futures.as_completed(futures):
                    finished.record(future.result())
    for sink in sinks:
        sink.close()
    return [finished.done[name] for _, name in todo]


class _Finished:
    """What happens to each result as it comes: the collection's notes added, ``result.json`` and
    every sink written, progress reported."""

    def __init__(self, by_name: dict, *, out: Path, assignment: str, sinks: Sequence[Sink], total: int, progress):
        self.by_name, self.out, self.assignment, self.sinks = by_name, out, assignment, sinks
        self.total, self.progress = total, progress
        self.done: dict[str, SubmissionResult] = {}
        self.lock = threading.Lock()

    def record(self, result: SubmissionResult) -> None:
        sub = self.by_name.get(result.submission)
        if sub is not None:
            result.problems = list(sub.problems) + list(result.problems)
            result.flags = list(sub.flags) + list(result.flags)
        with self.lock:
            _write(result, self.out, self.assignment, self.sinks)
            self.done[result.submission] = result
            if self.progress is not None:
                self.progress(len(self.done), self.total, result)


def _grade_one(session, path: Path, name: str, tree: Path) -> SubmissionResult:
    try:
        return session.grade(path, name=name, tree=tree)
    except Exception as err:  # an engine bug must not take the batch down
        return _engine_failure(path, name, session.assignment, err)


def _grade_on_cluster(
    todo, finished: _Finished, *, loaded, by_name: dict, scheduler: str, root: Path, pool: Path | None
) -> None:
    """Grades on a Dask cluster; a notebook that is not a plain file is graded (invalid) here."""
    from autograder.batch import cluster

    sendable = []
    for path, name in todo:  # read here, as plain files only: what is refused is graded (invalid) here
        try:
            sendable.append((notebook.read_submission_bytes(path, tree=by_name[name].tree), name))
        except notebook.NotebookError:
            finished.record(engine.grade(path, assignment=loaded, name=name, tree=by_name[name].tree))
    cluster.grade_on_cluster(
        sendable, scheduler=scheduler, root=root, assignment=loaded.name, on_result=finished.record, pool=pool
    )
