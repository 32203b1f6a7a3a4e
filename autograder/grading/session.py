"""A grading session: what every submission of one run shares, set up once and torn down once.

The reference namespace (computed once, under the lock that serialises the grader's own
TensorFlow work, and not at all when the term's pool holds every expected value), the pool of
expected values that submissions share (:mod:`autograder.grading.pool`), the fork server that
starts single-use workers, and the workers' confinement.
``autograder grade`` (:func:`autograder.batch.local.grade_many`) and mutation testing
(:func:`autograder.audit.mutation.run`) both grade through one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from autograder.core.results import SubmissionResult
from autograder.course import notebook
from autograder.course.assignment import Assignment
from autograder.grading import engine
from autograder.grading.pool import Pool, needs_reference, open_pool
from autograder.grading.reference import LazyReference, needs_tensorflow
from autograder.sandbox import confinement as confine
from autograder.sandbox import runner as sandbox
from autograder.sandbox.forkserver import ForkServer


@dataclasses.dataclass
class Session:
    """The shared parts of one run; :meth:`grade` grades one notebook with them.

    Attributes:
        assignment: The loaded assignment.
        reference: Returns the reference namespace, made on first use.
        forkserver: Where workers are forked from, or None (fresh interpreters).
        confinement: How workers are isolated, or None.
        lock: Serialises the grader's own TensorFlow work across threads.
        expected: Inputs and expected values by ``(check id, seed)``: public checks' and hidden
            variants' are computed once per term and kept (see :func:`autograder.grading.engine.prepare`).
    """

    assignment: Assignment
    reference: LazyReference
    forkserver: ForkServer | None
    confinement: confine.Confinement | None
    lock: threading.Lock
    expected: Pool = dataclasses.field(default_factory=lambda: Pool(None))

    def grade(self, path: Path, **options) -> SubmissionResult:
        """Grades one notebook (``options`` as :func:`autograder.grading.engine.grade` takes them;
        ``expected_cache`` defaults to the session's)."""
        options.setdefault("expected_cache", self.expected)
        return engine.grade(
            path,
            assignment=self.assignment,
            reference=self.reference,
            forkserver=self.forkserver,
            lock=self.lock,
            confinement=self.confinement,
            **options,
        )


@contextlib.contextmanager
def open_session(
    assignment: Assignment,
    *,
    root: Path,
    jobs: int = 1,
    fork: bool = True,
    isolate: bool = True,
    hide: Sequence[Path] = (),
    pool: Path | None = None,
    keep_pool: bool = True,
    require: bool = True,
    announce=None,
) -> Iterator[Session]:
    """Sets up a session and tears it down (the fork server stops, its folder goes).

    Args:
        assignment: The loaded assignment.
        root: The course repo (hidden from workers, with ``hide``).
        jobs: Workers that may run at the same time (the confinement keeps a user per job).
        fork: Start a fork server (TensorFlow imported once) instead of a fresh interpreter per worker.
        isolate: Confine workers as far as this machine allows (:mod:`autograder.sandbox.isolation`).
        hide: More folders workers must not see (results, submissions, the grader's home).
        pool: Where the term's pools are kept (default ``.autograder/pool`` in ``root``; it must be
            a folder the workers cannot see).
        keep_pool: Read and keep expected values there; False computes them in memory for this run.
        require: Refuse to grade (:class:`autograder.sandbox.confinement.SandboxUnavailable`) when
            the workers' confinement is weaker than the course's ``sandbox.require``; False for the
            instructor's own code (bundled examples, mutants), which is graded in the best mode had.
        announce: Called with the line that says how workers are confined (default: printed on stderr).

    Yields:
        The session.

    Raises:
        SandboxUnavailable: ``require`` and the host cannot give the confinement the course requires.
    """
    lock = threading.Lock()
    reference = LazyReference(assignment)
    with tempfile.TemporaryDirectory(prefix="autograder-zygote-") as home, contextlib.ExitStack() as stack:
        server = None
        if fork:  # first: the zygote imports TensorFlow while this process sets up the rest
            server = stack.enter_context(
                ForkServer(
                    env=sandbox.worker_environment(home),
                    preload=needs_tensorflow(assignment),
                    cwd=home,
                    modules=notebook.setup_imports(assignment.release),
                )
            )
        expected = open_pool(assignment, root=Path(root), folder=pool) if keep_pool else Pool(None)
        confinement = None
        if isolate:  # after the pool's folder exists, so that it is hidden with the rest of the course
            confinement = _confinement(assignment, root=Path(root), hide=hide, pool=pool, jobs=jobs)
            (announce or _stderr)(announcement(confinement))
            if require:
                confine.require(confinement, assignment.config.sandbox)
        else:
            (announce or _stderr)("autograder: workers are not confined (isolation switched off by the caller)")
        if needs_reference(expected, assignment):  # now, so that a broken reference stops the run here
            with lock:
                reference()
        try:
            yield Session(assignment, reference, server, confinement, lock, expected)
        finally:
            for problem in expected.problems:
                print(f"autograder: {problem}", file=sys.stderr)


def _confinement(assignment: Assignment, *, root: Path, hide: Sequence[Path], pool, jobs: int) -> confine.Confinement:
    """The strongest confinement this host allows, hiding the course, ``hide`` and the pool."""
    extra = [*hide, *([Path(pool)] if pool is not None else [])]
    hidden = confine.hidden_paths(root=root, keep=confine.needed_paths(), extra=extra)
    mask = tuple(dict.fromkeys(str(p.resolve()) for p in (Path.home(), root)))
    return confine.confinement(hide=hidden, jobs=jobs, mask=mask, limits=assignment.config.limits)


def announcement(confinement: confine.Confinement) -> str:
    """The line that says how workers are confined, and why not more strongly."""
    line = f"autograder: workers confined as '{confinement.mode}'"
    if confinement.reason:
        line += f" (stronger modes failed: {confinement.reason})"
    return line


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def probe_course(assignment: Assignment, *, root: Path, jobs: int = 1) -> confine.Confinement:
    """The confinement a grading run of ``assignment`` would get here, with what its trial worker
    saw of itself (``autograder sandbox``)."""
    return _confinement(assignment, root=Path(root), hide=[Path.home()], pool=None, jobs=jobs)
