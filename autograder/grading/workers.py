"""The worker loop: one group of checks run in as many single-use workers as it takes.

:func:`run_in_workers` sends a typed request (:class:`autograder.sandbox.protocol.WorkerRequest`)
to a fresh worker, reads back what it wrote, and when a worker stops (a limit, a crash) starts
another for the checks after it: a crash is retried once, a cell that stopped its worker is run
again with its definitions only. Every record a worker sent is made safe here (:func:`from_worker`):
only known statuses, messages rebuilt by the grader wherever it can, a student's own text
redacted, and nothing of it for hidden checks. The engine (:mod:`autograder.grading.engine`) and
the checks written as pytest tests (:mod:`autograder.grading.testchecks`) both run their workers
through here; :func:`submission_ceiling` and :func:`stops_summary` say what a submission's
workers may take and what stopped them.
"""

from __future__ import annotations

import dataclasses
import re
import time

from autograder.core.limits import Limits
from autograder.course import notebook
from autograder.grading import redact
from autograder.grading.prepared import Prepared
from autograder.sandbox import runner as sandbox
from autograder.sandbox.protocol import (
    CellSource,
    CellStatus,
    CheckCall,
    CheckRecord,
    Ended,
    PhaseKind,
    RecordStatus,
    Stop,
    WorkerRequest,
    tampered_message,
)


def submission_ceiling(limits: Limits, *, n_cells: int, timeouts: list[float]) -> float:
    """The most wall time one submission may take, whatever its workers do: two workers' startup
    and cells (public and hidden checks run apart; a failing cell may be re-run with definitions
    only), every check's own limit, and a grace period per phase."""
    return (
        2 * (limits.startup_s + n_cells * 2 * limits.cell_timeout_s)
        + sum(timeouts)
        + sandbox.GRACE_S * (len(timeouts) + 2 * n_cells + 4)
    )


def _text(value, cap: int = 600) -> str:
    text = value if isinstance(value, str) else ""
    return text if len(text) <= cap else text[:cap] + "..."


def from_worker(
    record, p: Prepared, *, hidden: bool, code: list[notebook.Cell], redactor: redact.Redactor
) -> CheckRecord:
    """A record as the worker wrote it, made safe to judge and show: only known statuses, messages
    rebuilt by the grader wherever it can, the student's own text (public checks only) redacted."""
    target = p.check.target
    status = CheckRecord.parse(record).status
    if status is RecordStatus.TAMPERED:
        return CheckRecord(status, tampered_message(target))
    if status is RecordStatus.RETURNED:
        return CheckRecord(status, type=redactor(_text(record.get("type"), 200)), value=record.get("value"))
    if status is RecordStatus.NOT_IMPLEMENTED:
        message = f"{target} is not implemented yet (it raises NotImplementedError)"
    elif status is RecordStatus.MISSING:
        message = f"'{target}' is not defined: was its cell deleted, renamed or left with an error?"
    elif status is RecordStatus.TIMEOUT:
        message = f"{target} ran for more than {p.timeout_s:g} s"
    elif hidden and status is RecordStatus.RAISED:
        message = f"{target} raised {_hidden_exception(record, code)} on a hidden input"
    elif hidden:
        message = f"{target} returned a value that cannot be graded, on a hidden input"
    else:
        message = redactor(_text(record.get("message")))
    return CheckRecord(status, message)


def _hidden_exception(record: dict, code: list[notebook.Cell]) -> str:
    """An exception's type and line, from the submitted code itself: nothing the student's code said."""
    source = "\n".join(c.source for c in code if c.kind == "solution")
    name = redact.exception_name(_text(record.get("exception"), 80), code=source)
    cell, line = record.get("cell"), record.get("line")
    cells_by_id = {c.id: c for c in code}
    if isinstance(cell, str) and cell in cells_by_id and type(line) is int:
        lines = cells_by_id[cell].source.splitlines()
        if 1 <= line <= len(lines):
            text = lines[line - 1].strip()
            text = text if len(text) <= 120 else text[:120] + "..."
            return f"{name} (line {line} of cell '{cell}': {text})"
    return name


def _cells_from_worker(cells_rec, code: list[notebook.Cell], redactor: redact.Redactor) -> list | None:
    if not isinstance(cells_rec, list):
        return None
    ids = {c.id for c in code}
    statuses = {s.value for s in CellStatus}
    out = []
    for c in cells_rec[: len(code)]:
        if isinstance(c, dict) and c.get("id") in ids and c.get("status") in statuses:
            out.append({"id": c["id"], "status": c["status"], "message": redactor(_text(c.get("message"), 1000))})
    return out


@dataclasses.dataclass
class WorkerRounds:
    """What the workers of one group of checks sent back, over as many workers as it took.

    Attributes:
        records: The record of each check, by ``Prepared.index``.
        cell_runs: The notebook cells' outcomes (plain data for the result's problems).
        stops: Every worker that did not end normally, and where.
        logs: Lines for instructors (the worker's output around each stop).
        public_stops: The stops of the public checks' workers (what a student may hear of).
        timed_out: Each function that ran out of time, with the check it ran out of time in: not
            called again (its later checks, and those of functions calling it, are skipped).
    """

    records: dict[int, CheckRecord] = dataclasses.field(default_factory=dict)
    cell_runs: list = dataclasses.field(default_factory=list)
    stops: list[Stop] = dataclasses.field(default_factory=list)
    logs: list[str] = dataclasses.field(default_factory=list)
    public_stops: list[Stop] = dataclasses.field(default_factory=list)
    timed_out: dict[str, Prepared] = dataclasses.field(default_factory=dict)

    def cell_problems(self) -> list[str]:
        """The messages of the cells that did not run cleanly, for the result's problems."""
        return [c["message"] for c in self.cell_runs if c.get("status") != CellStatus.OK and c.get("message")]


def run_in_workers(
    code: list[notebook.Cell],
    prepared: list[Prepared],
    limits: Limits,
    *,
    preload: bool,
    forkserver=None,
    confinement=None,
    deadline: float | None = None,
    ceiling_s: float = 0.0,
    hidden: bool = False,
    redactor: redact.Redactor | None = None,
    reach: dict[str, tuple[str, ...]] | None = None,
    timed_out: dict[str, Prepared] | None = None,
) -> WorkerRounds:
    """Runs the checks in as many single-use workers as it takes.

    A worker that stops in a check costs only that check (a crash is retried once: it can be
    transient); one that stops in a solution cell is restarted with that cell's definitions only.

    Args:
        code: The submission's cells, in order.
        prepared: The checks, with their inputs.
        limits: The assignment's limits.
        preload: Load TensorFlow under the device policy before the cells.
        forkserver: Fork workers from this server (else start interpreters).
        confinement: How workers are isolated, or None.
        deadline: The submission's ceiling, as a ``time.monotonic()`` instant.
        ceiling_s: The ceiling's length, for messages.
        hidden: Whether these are hidden checks (messages then come from the grader alone).
        redactor: Masks hidden values in text that came from a worker.
        reach: Check id to the other graded functions it runs (:func:`autograder.grading.causes.check_reach`).
        timed_out: Functions that already ran out of time in an earlier group (the public
            checks'), with the check they did it in: their checks, and those of their callers,
            are not run.

    Returns:
        The records, cell outcomes, stops and instructors' log lines.
    """
    redactor = redactor or redact.redactor(values=[], names=[])
    rounds = _Rounds(code, limits, deadline=deadline, ceiling_s=ceiling_s, reach=reach or {})
    rounds.out.timed_out.update(timed_out or {})
    pending = rounds.not_stuck(list(prepared))
    first = not hidden  # a public group's first worker runs even without checks: its cells' messages are shown
    while pending or first:
        first = False
        if deadline is not None and time.monotonic() >= deadline:
            rounds.out.stops.append(Stop(Ended.TIMEOUT, None))
            rounds.give_up(
                pending,
                RecordStatus.TIMEOUT,
                lambda p: f"not run: the submission reached its time ceiling of {ceiling_s:.0f} s",
            )
            break
        run = sandbox.run_worker(
            _request(
                code, pending, limits, definitions_only=rounds.definitions_only, preload=preload, reach=rounds.reach
            ),
            limits=limits,
            forkserver=forkserver,
            confinement=confinement,
            deadline=deadline,
        )
        if run.cells is not None and rounds.cell_runs is None:
            rounds.cell_runs = _cells_from_worker(run.cells, code, redactor)
        for n in sorted(run.records):  # in the order they ran: a skip follows the timeout it is for
            record = from_worker(run.records[n], pending[n], hidden=hidden, code=code, redactor=redactor)
            rounds.out.records[pending[n].index] = rounds.accepted(record, pending[n])
        if run.ended is Ended.EXITED:
            break
        pending = rounds.after_stop(run, pending)
        if pending is None:
            break
        pending = rounds.not_stuck(pending)
    return rounds.finish()


class _Rounds:
    """What :func:`run_in_workers` knows between workers: the records so far, the cells to run
    with definitions only, the checks already retried."""

    def __init__(
        self,
        code: list[notebook.Cell],
        limits: Limits,
        *,
        deadline: float | None,
        ceiling_s: float,
        reach: dict[str, tuple[str, ...]],
    ):
        self.code, self.limits, self.deadline, self.ceiling_s = code, limits, deadline, ceiling_s
        self.reach = reach
        self.out = WorkerRounds()
        self.definitions_only: list[str] = []
        self.retried: set[int] = set()
        self.cell_runs: list | None = None

    def give_up(self, pending: list[Prepared], status: RecordStatus, message) -> None:
        """Every pending check without a record gets one: ``status`` and ``message(p)``."""
        for p in pending:
            self.out.records.setdefault(p.index, CheckRecord(status, message(p)))

    def _blocker(self, p: Prepared) -> tuple[str, Prepared] | None:
        """The function (``p``'s own or one it calls) that ran out of time before, and where."""
        for name in (p.check.target, *self.reach.get(p.check.id, ())):
            if name in self.out.timed_out:
                return name, self.out.timed_out[name]
        return None

    def accepted(self, record: CheckRecord, p: Prepared) -> CheckRecord:
        """A record as kept: a timeout marks its function as stuck; a skip is explained by the
        grader from the timeout it follows (a skip that follows none was not the worker's own)."""
        if record.status is RecordStatus.MISSING and self._unrun_cell(p.check.target):
            cell = self._unrun_cell(p.check.target)
            return CheckRecord(
                record.status,
                f"'{p.check.target}' is not defined: its cell '{cell}' did not run (fix the error reported for that cell)",
            )
        if record.status is RecordStatus.TIMEOUT:
            self.out.timed_out.setdefault(p.check.target, p)
        elif record.status is RecordStatus.SKIPPED:
            blocker = self._blocker(p)
            if blocker is None:
                return CheckRecord(RecordStatus.TAMPERED, tampered_message(p.check.target))
            return CheckRecord(RecordStatus.TIMEOUT, skipped_message(p, *blocker))
        return record

    def _unrun_cell(self, name: str) -> str:
        """The id of the cell meant to define ``name`` (named after it, or defining it) when that cell
        did not run cleanly, else ''."""
        unrun = {c["id"] for c in self.cell_runs or () if c.get("status") == CellStatus.ERROR}
        defines = re.compile(rf"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+{re.escape(name)}\b", re.M)
        return next((c.id for c in self.code if c.id in unrun and (c.id == name or defines.search(c.source))), "")

    def not_stuck(self, pending: list[Prepared]) -> list[Prepared]:
        """``pending`` without the checks of stuck functions and their callers, which get their
        record now (nothing is run for them)."""
        out = []
        for p in pending:
            blocker = self._blocker(p)
            if blocker is None:
                out.append(p)
            else:
                self.out.records.setdefault(p.index, CheckRecord(RecordStatus.TIMEOUT, skipped_message(p, *blocker)))
        return out

    def after_stop(self, run, pending: list[Prepared]) -> list[Prepared] | None:
        """The checks the next worker runs after this one stopped, or None when no worker can help."""
        stop = Stop(run.ended, run.last_phase)
        self.out.stops.append(stop)
        status = RecordStatus(run.ended.value)
        if stop.in_cell:
            cell_id = stop.phase.cell
            self.out.logs.append(f"--- worker {run.ended} in cell {cell_id} ---\n{run.output[-4000:]}")
            if cell_id in self.definitions_only or not any(c.id == cell_id and c.kind == "solution" for c in self.code):
                self.give_up(
                    pending, status, lambda p: f"the notebook's code could not be run ({run.ended} in cell '{cell_id}')"
                )
                return None
            self.definitions_only.append(cell_id)  # run again, that cell with its definitions only
            self.cell_runs = None
            return pending
        if stop.phase.kind is PhaseKind.CHECK:
            n = stop.phase.check
            self.out.logs.append(f"--- worker {run.ended} during check {pending[n].check.id} ---\n{run.output[-4000:]}")
            if run.ended is Ended.CRASHED and pending[n].index not in self.retried:
                self.retried.add(pending[n].index)  # once: a crash can be transient (e.g. the machine's OOM killer)
                self.out.stops.pop()
                return [p for p in pending[n:] if p.index not in self.out.records]
            self.out.records[pending[n].index] = CheckRecord(
                status, _stop_message(run.ended, pending[n], self.limits, self.deadline, self.ceiling_s)
            )
            if run.ended is Ended.TIMEOUT and not _at_ceiling(self.deadline):
                self.out.timed_out.setdefault(pending[n].check.target, pending[n])
            return [p for p in pending[n + 1 :] if p.index not in self.out.records]
        self.out.logs.append(f"--- worker {run.ended} in phase {stop.phase} ---\n{run.output[-4000:]}")
        self.give_up(
            pending,
            status,
            lambda p: f"no result came back for {p.check.target} (the worker {run.ended} in phase '{stop.phase}')",
        )
        return None

    def finish(self) -> WorkerRounds:
        self.out.cell_runs = list(self.cell_runs or [])
        for cell_id in self.definitions_only:
            self.out.cell_runs.append(
                {
                    "id": cell_id,
                    "status": CellStatus.DEFINITIONS_ONLY.value,
                    "message": f"cell '{cell_id}' could not run to its end (time or memory limit, or it crashed the "
                    "interpreter); only its imports and definitions were kept",
                }
            )
        return self.out


def _request(
    code: list[notebook.Cell],
    pending: list[Prepared],
    limits: Limits,
    *,
    definitions_only: list[str],
    preload: bool,
    reach: dict[str, tuple[str, ...]],
) -> WorkerRequest:
    """The request of one worker."""
    return WorkerRequest(
        cells=tuple(CellSource(c.id, c.source, c.kind) for c in code),
        checks=tuple(
            CheckCall(n, p.check.target, p.check.probe_spec(), p.inputs, p.seed, p.timeout_s, reach.get(p.check.id, ()))
            for n, p in enumerate(pending)
        ),
        cell_timeout_s=limits.cell_timeout_s,
        definitions_only=tuple(definitions_only),
        preload_tensorflow=preload,
    )


def _at_ceiling(deadline: float | None) -> bool:
    """Whether the submission's time ceiling has passed (a timeout then is not the check's own)."""
    return deadline is not None and time.monotonic() >= deadline


def _stop_message(ended: Ended, p: Prepared, limits: Limits, deadline: float | None, ceiling_s: float) -> str:
    target = p.check.target
    if ended is Ended.TIMEOUT and _at_ceiling(deadline):
        return f"{target} was stopped: the submission reached its time ceiling of {ceiling_s:.0f} s"
    if ended is Ended.TIMEOUT:
        return f"{target} ran for more than {p.timeout_s:g} s and was stopped (an infinite loop?)"
    if ended is Ended.MEMORY:
        return f"{target} used more than {limits.memory_mb} MB of memory and was stopped"
    if ended is Ended.DISK:
        return f"{target} wrote more than {limits.disk_mb} MB (or {sandbox.DISK_MAX_ENTRIES} files) and was stopped"
    return f"{target} crashed the Python process (did it call os._exit, or exhaust a resource?)"


def skipped_message(p: Prepared, function: str, where: Prepared) -> str:
    """Why ``p`` was not run: ``function`` (its own or one it calls) ran out of time in ``where``."""
    limit = f"ran for more than {where.timeout_s:g} s in {where.check.id} (an infinite loop?)"
    if function == p.check.target:
        return f"{function} was not called again: it {limit}"
    return f"not run: this check runs {function}, which {limit}"


def stops_summary(stops: list[Stop]) -> str:
    """The submission's note when workers were stopped: how many checks and cells, and why."""
    if not stops:
        return ""
    cells_stopped = len({s.phase.cell for s in stops if s.in_cell})
    checks_stopped = sum(1 for s in stops if not s.in_cell)
    parts = ([f"{checks_stopped} check(s)"] if checks_stopped else []) + (
        [f"{cells_stopped} cell(s)"] if cells_stopped else []
    )
    return (
        f"{' and '.join(parts)} stopped by a limit or crash ({', '.join(sorted({s.ended.value for s in stops}))}); "
        "the other checks were graded"
    )
