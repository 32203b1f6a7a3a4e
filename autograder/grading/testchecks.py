"""Checks written as pytest tests: plain test functions that the engine grades like any other check.

Beside ``public_checks.py`` and ``hidden_checks.py``, an assignment may have ``test_<target>.py``
files. Each ``test_<aspect>`` function in one is the check ``<target>.<aspect>``; its parameters
name the fixtures it gets:

- ``student``: the submission; ``student.f(*args, **kwargs)`` runs ``f`` in the sandboxed worker
  on copies of the (plain-data) arguments and returns plain data.
- ``reference``: the reference solution, in the grader; ``reference.f(...)`` also takes and returns
  plain data (constants such as ``reference.PAD_ID`` are returned as they are).
- ``rng``: a ``numpy.random.Generator`` seeded like every check's inputs (hidden seeds come from
  the course salt and the submission's code).
- ``tol``: the check's :class:`autograder.core.tolerance.Tolerance` from ``grading.yml``.

Assertions run here, in the grader: student code only ever sees the arguments of its calls.
How a test runs: the engine runs the function in the grader; the first call of a student function
with arguments it has not seen yet stops the run. The engine collects such calls from all the
submission's tests, runs them in one worker (same limits, confinement and messages as other
checks), and runs the tests again from the start with the same seed (so the same arguments) until
each finishes. A test must therefore be deterministic given ``rng``.

Checks written this way are hidden only (students never get the test files, so there is nothing
to self-check with); ``grading.yml`` must list each with ``visibility: hidden``.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np

from autograder.checks.check import Check
from autograder.checks.compare import Outcome
from autograder.core import plaindata
from autograder.core.results import CheckResult
from autograder.course.testfiles import CALL_PROBE, PytestCheck
from autograder.grading.prepared import Prepared, check_seed, from_outcome, judge
from autograder.grading.reference import ReferenceFailed, needs_tensorflow
from autograder.grading.workers import run_in_workers
from autograder.sandbox import determinism
from autograder.sandbox.protocol import CheckRecord, RecordStatus, Stop

MAX_ROUNDS = 40


class StudentCallFailed(BaseException):
    """A student function did not return plain data (raised, timed out, ...): the check ends here.

    A ``BaseException`` so that a test's ``except Exception`` cannot turn it into a pass.
    """

    def __init__(self, target: str, record: CheckRecord):
        super().__init__(f"{target}: {record.message or record.status}")
        self.target = target
        self.record = record


class _Pending(BaseException):
    """A call whose result is not known yet; the test is run again once it is."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


@dataclasses.dataclass(frozen=True)
class Call:
    """One call of a student function, as plain data."""

    target: str
    args: list
    kwargs: dict


def _key(call: Call) -> str:
    return hashlib.sha256(
        plaindata.dumps({"target": call.target, "args": call.args, "kwargs": call.kwargs})
    ).hexdigest()


def _plain_args(target: str, args: tuple, kwargs: dict) -> Call:
    call = Call(
        target, [plaindata.to_plain(a) for a in args], {str(k): plaindata.to_plain(v) for k, v in kwargs.items()}
    )
    try:
        plaindata.dumps({"args": call.args, "kwargs": call.kwargs})
    except plaindata.PlainDataError as err:
        raise TypeError(
            f"student.{target}(...): arguments must be plain data (numbers, strings, numpy arrays, "
            f"lists, tuples, dicts): {err}"
        ) from None
    return call


class Student:
    """The ``student`` fixture: attribute access gives a callable that runs in the worker."""

    def __init__(self, results: dict[str, CheckRecord], wanted: list[tuple[str, Call]]):
        self._results = results
        self._wanted = wanted

    def __getattr__(self, target: str):
        if target.startswith("_"):
            raise AttributeError(target)

        def call(*args, **kwargs):
            c = _plain_args(target, args, kwargs)
            key = _key(c)
            record = self._results.get(key)
            if record is None:
                self._wanted.append((key, c))
                raise _Pending(key)
            if not record.returned:
                raise StudentCallFailed(target, record)
            from autograder.checks.probes import copy_inputs

            return copy_inputs(record.value)

        call.__name__ = target
        return call


class Reference:
    """The ``reference`` fixture: the reference namespace, called on copies, returning plain data."""

    def __init__(self, namespace: dict):
        self._ns = namespace

    def __getattr__(self, name: str):
        if name.startswith("_") or name not in self._ns:
            raise AttributeError(f"the reference solution defines no {name!r}")
        value = self._ns[name]
        if not callable(value):
            return value

        def call(*args, **kwargs):
            from autograder.checks.probes import copy_inputs

            try:
                return plaindata.to_plain(value(*copy_inputs(list(args)), **copy_inputs(kwargs)))
            except Exception as err:
                raise ReferenceFailed(f"reference {name} failed: {type(err).__name__}: {err}") from err

        call.__name__ = name
        return call


@dataclasses.dataclass
class _Run:
    """Where one test check stands: finished with a result, or waiting for a call."""

    check: PytestCheck
    seed: int
    result: CheckResult | None = None
    detail: str = ""


def _run_once(run: _Run, *, settings, reference: dict, results: dict[str, CheckRecord], wanted: list) -> None:
    """Runs the test function once; sets ``run.result`` unless it stopped at an unknown call."""
    check = run.check
    determinism.apply(run.seed)
    values = {
        "student": Student(results, wanted),
        "reference": Reference(reference),
        "rng": np.random.default_rng(run.seed),
        "tol": settings.tol,
    }
    try:
        check.function(*[values[name] for name in check.fixtures])
    except _Pending:
        return
    except StudentCallFailed as err:
        p = Prepared(0, dataclasses.replace(check, target=err.target), {}, run.seed, None, 0.0)
        run.result = judge(p, err.record, settings, hint=check.hint)
        run.result.target = check.target
        return
    except ReferenceFailed:
        raise
    except AssertionError as err:
        category = getattr(err, "category", "assertion")
        run.detail = str(err) or "assert failed"
        outcome = Outcome(False, category, f"{check.what}: {run.detail}")
    except Exception as err:  # the test could not handle what the student returned
        run.detail = f"{type(err).__name__}: {err}"
        outcome = Outcome(False, "type", f"{check.what}: the check could not judge the returned values ({run.detail})")
    else:
        outcome = Outcome(True)
    run.result = from_outcome(outcome, check=check, settings=settings, hint=check.hint)


class Grading:
    """Grades checks written as tests against one submission, round by round.

    :meth:`start` runs every test until its first call of a student function and returns those
    calls as prepared checks, so that the engine can run them in the same worker as the other
    checks; :meth:`feed` takes their records; :meth:`finish` runs the remaining rounds in workers
    of their own and returns the results.

    Args:
        checks: The test checks to grade.
        assignment: The :class:`autograder.course.assignment.Assignment`.
        digest: The graded code's digest (hidden seeds depend on it).
        reference: The reference namespace.
        lock: Serialises the grader's own TensorFlow work across threads.

    Raises:
        autograder.grading.reference.ReferenceFailed: No reference here.
    """

    def __init__(self, checks: list[PytestCheck], *, assignment, digest: str, reference: dict | None, lock=None):
        if reference is None:
            raise ReferenceFailed("checks written as pytest tests need the reference solution (instructor's repo)")
        self.assignment, self.reference, self.lock = assignment, reference, lock
        self.runs = []
        for check in checks:
            self.runs.append(_Run(check, check_seed(assignment, check, digest)))
        self.results: dict[str, CheckRecord] = {}
        self.failures: list[Stop] = []
        self.logs: list[str] = []
        self._calls: list[tuple[str, Call]] = []

    def _step(self, start: int) -> list:
        """Runs the unfinished tests; returns their new calls as prepared checks numbered from ``start``."""
        import contextlib

        wanted: list[tuple[str, Call]] = []
        owners: dict[str, _Run] = {}
        for run in self.runs:
            if run.result is not None:
                continue
            before = len(wanted)
            with self.lock or contextlib.nullcontext():
                _run_once(
                    run,
                    settings=self.assignment.settings(run.check),
                    reference=self.reference,
                    results=self.results,
                    wanted=wanted,
                )
            for key, _call in wanted[before:]:
                owners.setdefault(key, run)
        calls = {key: c for key, c in wanted if key not in self.results}
        self._calls = list(calls.items())
        prepared = []
        for n, (key, c) in enumerate(self._calls):
            run = owners[key]
            settings = self.assignment.settings(run.check)
            timeout = settings.timeout_s or self.assignment.config.limits.check_timeout_s
            probe_check = Check(
                id=f"{run.check.id} ({c.target})", target=c.target, what=run.check.what, probe=CALL_PROBE
            )
            prepared.append(
                Prepared(start + n, probe_check, {"args": c.args, "kwargs": c.kwargs}, run.seed, None, timeout)
            )
        return prepared

    def start(self, *, offset: int = 0) -> list:
        """The tests' first calls, as :class:`autograder.grading.prepared.Prepared` checks indexed from ``offset``."""
        return self._step(offset)

    def feed(self, prepared: list, records: dict[int, CheckRecord]) -> None:
        """Takes the records of the calls last returned (by ``Prepared.index``)."""
        for p, (key, _call) in zip(prepared, self._calls):
            self.results[key] = records.get(p.index) or CheckRecord(
                RecordStatus.CRASHED, f"no result came back for {p.check.target}"
            )

    def finish(
        self, *, code: list, forkserver=None, confinement=None
    ) -> tuple[list[CheckResult], list[Stop], list[str]]:
        """Runs the remaining rounds; returns the results (in the order of the checks), the worker
        failures and the instructors' log lines; the workers are run by
        :func:`autograder.grading.workers.run_in_workers`, as the engine's are.

        Raises:
            autograder.grading.reference.ReferenceFailed: The reference failed in a test, or a test made too many
                calls that depend on each other.
        """
        for _ in range(MAX_ROUNDS):
            prepared = self._step(0)
            if not prepared:
                break
            rounds = run_in_workers(
                code,
                prepared,
                self.assignment.config.limits,
                preload=needs_tensorflow(self.assignment),
                forkserver=forkserver,
                confinement=confinement,
                hidden=True,
            )
            self.failures += rounds.stops
            self.logs += rounds.logs
            self.feed(prepared, rounds.records)
        else:
            self._step(0)
        out = []
        for run in self.runs:
            if run.result is None:
                raise ReferenceFailed(
                    f"{run.check.location} made more than {MAX_ROUNDS} calls that depend on each other's results"
                )
            if run.detail:
                self.logs.append(f"--- check {run.check.id} ({run.check.location}) failed: {run.detail[:4000]}")
            out.append(run.result)
        return out, self.failures, self.logs
