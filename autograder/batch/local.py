"""Grading many submissions: one assignment load and one reference for the whole batch."""

from __future__ import annotations

import concurrent.futures
import hashlib
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from pathlib import Path

from autograder.batch import regrade
from autograder.batch.intake import Collected, NoNotebook, Submission, collect, expand, submission_name  # noqa: F401
from autograder.batch.sinks import Sink
from autograder.core import results
from autograder.core.results import SubmissionResult
from autograder.course import assignment as assignment_mod
from autograder.course import notebook
from autograder.grading import engine
from autograder.grading.session import open_session


def _engine_failure(path: Path, name: str, loaded, err: BaseException) -> SubmissionResult:
    print(f"autograder: internal error while grading {path}:\n{traceback.format_exc()}", file=sys.stderr)
    return engine.failed(assignment=loaded, name=name, err=err)


def result_path(out: Path, submission: str, assignment: str) -> Path:
    """Where a submission's ``result.json`` goes."""
    return Path(out) / submission / assignment / "result.json"


def _previous(path: Path) -> SubmissionResult | None:
    try:
        return results.read_full(path)
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
            failed = prev.status != "ok" or any(
                c.category in ("timeout", "memory", "disk", "crashed") for c in prev.checks
            )
            if only_failed and not failed and same_file:
                continue
            if resume and not only_failed and same_file:
                continue
        todo.append((path, name))
    return todo


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
    on_change=None,
    pool: Path | None = None,
    require: bool = True,
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
        on_change: Called with a :class:`autograder.batch.regrade.Change` for each submission
            whose earlier result in ``out`` had other points (the earlier result is kept beside it).
        pool: Where the term's expected values are kept (:mod:`autograder.grading.pool`; default
            ``.autograder/pool`` in ``root``; a Dask cluster's workers need it at the same path).
        require: Refuse to grade when the workers' confinement is weaker than the course's
            ``sandbox.require`` (False for the instructor's own bundled examples).

    Returns:
        The results graded in this run, in submission order. Paths that do not exist and folders
        without a notebook are reported on stderr and the others graded; name collisions are
        graded under distinct names (see :func:`collect`).

    Raises:
        NoNotebook: ``submissions`` were given and none holds a notebook (each is missing or a
            folder without one); nothing is printed, the message says it all.
    """
    found = collect(submissions, assignment=assignment).require_some()
    loaded = assignment_mod.load(assignment, root=root)
    for note in found.unused() + found.notes:
        print(f"autograder: {note}", file=sys.stderr)
    paths = [s.path for s in found.submissions]
    by_name = {s.name: s for s in found.submissions}
    _clear_stale(Path(out), assignment)
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
    finished = _Finished(by_name, out=Path(out), assignment=assignment, sinks=sinks, total=len(todo))
    finished.progress, finished.on_change = progress, on_change
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
            loaded,
            root=Path(root),
            jobs=jobs,
            fork=fast and bool(todo),
            isolate=isolate,
            hide=hide,
            pool=pool,
            require=require,
        ) as session:
            with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as executor:
                futures = [executor.submit(_grade_one, session, path, name, by_name[name].tree) for path, name in todo]
                for future in concurrent.futures.as_completed(futures):
                    finished.record(future.result())
    for sink in sinks:
        sink.close()
    return [finished.done[name] for _, name in todo]


def _clear_stale(out: Path, assignment: str) -> None:
    """Removes results half-written by a grader that was killed."""
    for stale in out.glob(f"*/{assignment}/.*.tmp") if out.is_dir() else []:
        stale.unlink(missing_ok=True)


class _Finished:
    """What happens to each result as it comes: the collection's notes added, ``result.json`` and
    every sink written, progress reported."""

    def __init__(self, by_name: dict, *, out: Path, assignment: str, sinks: Sequence[Sink], total: int):
        self.by_name, self.out, self.assignment, self.sinks = by_name, out, assignment, sinks
        self.total, self.progress, self.on_change = total, None, None
        self.done: dict[str, SubmissionResult] = {}
        self.lock = threading.Lock()

    def record(self, result: SubmissionResult) -> None:
        sub = self.by_name.get(result.submission)
        if sub is not None:
            result.problems = list(sub.problems) + list(result.problems)
            result.flags = list(sub.flags) + list(result.flags)
            result.submitted_at = sub.submitted_at
        with self.lock:
            path = result_path(self.out, result.submission, self.assignment)
            change = regrade.keep_earlier(path, result)
            if change is not None and self.on_change is not None:
                self.on_change(change)
            results.write(result, path)
            for sink in self.sinks:
                sink.add(result, folder=path.parent, submission=sub)
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
    for path, name in todo:  # read here, through the intake: what it refuses is invalid, nothing sent
        try:
            sendable.append((notebook.read_submission_bytes(path, tree=by_name[name].tree), name))
        except notebook.NotebookError as err:
            finished.record(engine.refused(assignment=loaded, name=name, message=str(err)))
    cluster.grade_on_cluster(
        sendable, scheduler=scheduler, root=root, assignment=loaded.name, on_result=finished.record, pool=pool
    )
