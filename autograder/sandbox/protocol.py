"""The protocol between the grader and the student's worker, as types.

The worker writes two kinds of plain data: a ``progress`` note that names the phase it has reached
(the grader restarts that phase's clock only when the note names a later one), and one record per
check. On the wire both are plain text and plain dicts; in the grader they are the types below, so
no caller slices a string apart or compares against a message it wrote itself.

- :class:`WorkerRequest` (with :class:`CellSource` and :class:`CheckCall`): what one worker is
  asked to run, written by the grader as plain data and read back by the worker.
- :class:`Phase`: where a worker is (start, a cell, a check, done), written and parsed by
  :meth:`Phase.note` and :meth:`Phase.parse`.
- :class:`Ended`: how a worker ended.
- :class:`RecordStatus`: what a check record says happened; the first seven are the only ones a
  worker writes, the others are the grader's own.
- :class:`CellStatus`: what happened to one notebook cell.
- :class:`Stop`: a worker that did not end normally, and where.
"""

from __future__ import annotations

import dataclasses
import enum


@dataclasses.dataclass(frozen=True)
class CellSource:
    """One notebook cell for the worker: its grade id, code and kind (``setup``, ``solution``, ``other``)."""

    id: str
    source: str
    kind: str


@dataclasses.dataclass(frozen=True)
class CheckCall:
    """One probe for the worker to run on the student's function.

    Attributes:
        index: The check's position in the request (names its record, ``check-<index>.npz``).
        target: The student's function.
        probe: The probe's spec (:func:`autograder.checks.check.resolve_probe`).
        inputs: Plain-data inputs (never an expected value).
        seed: Seeds every generator before the call.
        timeout_s: The worker's own alarm for the call.
        uses: The other graded functions the call runs (those the target calls, read by the
            grader from the submitted code, and those the probe calls; :mod:`autograder.grading.causes`):
            once the target or one of them ran out of time, the check is not run (``SKIPPED``).
    """

    index: int
    target: str
    probe: object
    inputs: dict
    seed: int
    timeout_s: float
    uses: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class WorkerRequest:
    """What one worker runs: the cells (``definitions_only`` with their definitions only), then the checks.

    Attributes:
        cells: The notebook's cells, in order.
        checks: The probes, in order.
        cell_timeout_s: The worker's own alarm per cell.
        definitions_only: Ids of cells that stopped a worker before: run their definitions only.
        preload_tensorflow: Load TensorFlow under the device policy before the cells.
    """

    cells: tuple[CellSource, ...]
    checks: tuple[CheckCall, ...]
    cell_timeout_s: float
    definitions_only: tuple[str, ...] = ()
    preload_tensorflow: bool = False

    def to_plain(self, *, workdir: str) -> dict:
        """The request as plain data (:mod:`autograder.core.plaindata`), with the worker's folder."""
        data = dataclasses.asdict(self)
        data["definitions_only"] = list(self.definitions_only)
        data["checks"] = [{**c, "uses": list(c["uses"])} for c in data["checks"]]
        return {**data, "workdir": workdir}

    @classmethod
    def from_plain(cls, data: dict) -> WorkerRequest:
        """Reads :meth:`to_plain`'s form (in the worker)."""
        return cls(
            cells=tuple(CellSource(**c) for c in data["cells"]),
            checks=tuple(CheckCall(**{**c, "uses": tuple(c.get("uses", ()))}) for c in data["checks"]),
            cell_timeout_s=data["cell_timeout_s"],
            definitions_only=tuple(data.get("definitions_only", ())),
            preload_tensorflow=bool(data.get("preload_tensorflow", False)),
        )


class PhaseKind(enum.Enum):
    """The kinds of phase, in the order a worker goes through them."""

    START = "start"
    CELL = "cell"
    CHECK = "check"
    DONE = "done"


@dataclasses.dataclass(frozen=True)
class Phase:
    """One phase of a worker's run.

    Attributes:
        kind: Which kind of phase.
        cell: The cell's grade id (``CELL`` phases only).
        check: The check's position in the worker's request (``CHECK`` phases only).
    """

    kind: PhaseKind
    cell: str | None = None
    check: int | None = None

    @classmethod
    def start(cls) -> Phase:
        """The phase before the first cell."""
        return cls(PhaseKind.START)

    @classmethod
    def done(cls) -> Phase:
        """The phase after the last check."""
        return cls(PhaseKind.DONE)

    @classmethod
    def of_cell(cls, cell_id: str) -> Phase:
        """The phase of running one cell."""
        return cls(PhaseKind.CELL, cell=cell_id)

    @classmethod
    def of_check(cls, index: int) -> Phase:
        """The phase of running the check at ``index`` of the request."""
        return cls(PhaseKind.CHECK, check=index)

    def note(self) -> str:
        """The text the worker writes to its progress file for this phase."""
        if self.kind is PhaseKind.CELL:
            return f"cell {self.cell}"
        if self.kind is PhaseKind.CHECK:
            return f"check {self.check}"
        return self.kind.value

    @classmethod
    def parse(cls, text: str) -> Phase | None:
        """The phase a progress note names, or None for text no worker writes."""
        kind, _, rest = text.partition(" ")
        if text in ("start", "done"):
            return cls(PhaseKind(text))
        if kind == "cell" and rest:
            return cls.of_cell(rest)
        if kind == "check" and rest.isdigit() and rest == str(int(rest)):
            return cls.of_check(int(rest))
        return None

    def __str__(self) -> str:
        return self.note()


class Ended(enum.StrEnum):
    """How a worker ended, as the grader saw it."""

    EXITED = "exited"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    DISK = "disk"
    CRASHED = "crashed"


class RecordStatus(enum.StrEnum):
    """What a check's record says happened to the student's function."""

    RETURNED = "returned"
    RAISED = "raised"
    NOT_IMPLEMENTED = "not-implemented"
    MISSING = "missing"
    TIMEOUT = "timeout"
    UNPLAIN = "unplain"
    SKIPPED = "skipped"  # not called: it, or a function it calls, ran out of time in an earlier check
    # the grader's own: never accepted from a worker
    MEMORY = "memory"
    DISK = "disk"
    CRASHED = "crashed"
    TAMPERED = "tampered"


def tampered_message(target: str | None = None) -> str:
    """What a student is told of a record the worker's own code never writes (the one text of it)."""
    return f"no valid result came back{f' for {target}' if target else ''} (did the notebook tamper with the grader?)"


WORKER_STATUSES = frozenset(
    {
        RecordStatus.RETURNED,
        RecordStatus.RAISED,
        RecordStatus.NOT_IMPLEMENTED,
        RecordStatus.MISSING,
        RecordStatus.TIMEOUT,
        RecordStatus.UNPLAIN,
        RecordStatus.SKIPPED,
    }
)
"""The statuses a worker may write; any other record is treated as tampered with."""


class CellStatus(enum.StrEnum):
    """What happened to one notebook cell in the worker."""

    OK = "ok"
    ERROR = "error"
    TIMEOUT = "timeout"
    DEFINITIONS_ONLY = "definitions-only"


@dataclasses.dataclass(frozen=True)
class Stop:
    """A worker that did not end normally.

    Attributes:
        ended: How it ended (never ``EXITED``).
        phase: The last phase the grader accepted from it, or None when the submission's time
            ceiling stopped the grading before a worker started.
    """

    ended: Ended
    phase: Phase | None

    @property
    def in_cell(self) -> bool:
        """Whether the worker stopped while running a notebook cell."""
        return self.phase is not None and self.phase.kind is PhaseKind.CELL


@dataclasses.dataclass(frozen=True)
class CheckRecord:
    """One check's record, as the grader accepted it from a worker (or wrote it for a worker that
    sent none): safe to judge and to show.

    Attributes:
        status: What happened.
        message: Text for the student: built by the grader, or the student's own text redacted.
        type: ``module.Class`` of the returned value (``RETURNED`` and ``UNPLAIN`` only).
        value: The returned value as plain data (``RETURNED`` only).
    """

    status: RecordStatus
    message: str = ""
    type: str = ""
    value: object = None

    @classmethod
    def parse(cls, record: object) -> CheckRecord:
        """A worker's plain record taken as it is (for the self-check, where the student's own
        process both runs and reads it); a record no worker writes is ``TAMPERED``."""
        raw = record.get("status") if isinstance(record, dict) else None
        status = next((s for s in WORKER_STATUSES if s.value == raw), None)
        if status is None:
            return cls(RecordStatus.TAMPERED, tampered_message())
        text = record.get("message")
        kind = record.get("type")
        return cls(
            status, text if isinstance(text, str) else "", kind if isinstance(kind, str) else "", record.get("value")
        )

    @property
    def returned(self) -> bool:
        """Whether the student's function returned a value that crossed as plain data."""
        return self.status is RecordStatus.RETURNED
