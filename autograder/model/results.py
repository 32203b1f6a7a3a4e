"""Results as plain dataclasses, and their JSON form (``result.json``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from autograder.model import files

SUBMISSION_STATUSES = ("ok", "timeout", "memory", "crashed", "invalid")
CHECK_STATUSES = ("passed", "failed", "error")


RESULT_FILE = "result.json"
STAFF_FILE = "staff.json"  # beside result.json: for staff only (see autograder.grading.staffview)


@dataclasses.dataclass
class CheckResult:
    """The outcome of one check.

    Attributes:
        id: The check's id, ``<function>.<aspect>``.
        target: The graded function.
        status: ``passed``, ``failed`` (wrong answer) or ``error`` (not implemented, raised,
            timed out, crashed, missing).
        points: Points earned.
        max_points: Points available.
        hidden: Whether students see only pass/fail and the hint.
        message: For students: what was checked, expected and received (public checks), or
            only which kind of failure it was (hidden checks). Empty when passed. Never holds
            the hint: writers join the two (:func:`autograder.reports.wording.explanation`).
        category: Why it failed: ``type``, ``shape``, ``dtype``, ``values``, ``not-implemented``,
            ``raised``, ``timeout``, ``memory``, ``crashed``, ``missing``, ``requires``, ... (for
            TAs' analysis).
        hint: The check's hint, shown with a failure.
    """

    id: str
    target: str
    status: str
    points: float
    max_points: float
    hidden: bool
    message: str = ""
    category: str = "ok"
    hint: str = ""


@dataclasses.dataclass
class SubmissionResult:
    """The outcome of grading one submission.

    Attributes:
        assignment: The assignment's name.
        submission: The submission's name (its file stem or student id).
        score: Points earned.
        max_score: Points available.
        status: ``ok``, ``timeout``, ``memory``, ``crashed`` or ``invalid``.
        message: What happened to the submission as a whole (empty if nothing to say).
        checks: Every check, in order.
        problems: Notebook problems (missing or duplicated cells, cells that failed to run).
        environment: Versions, device and TF32 state of the grading process.
        seconds: Wall time of grading.
        graded_at: UTC timestamp.
        submission_sha256: Digest of the submitted file.
        flags: Reasons a TA should review the submission, not a grade change: ``"code: explanation"``
            with code ``instructor-markers`` (cells carry the instructor source's ``### BEGIN
            SOLUTION`` or ``### BEGIN HIDDEN TESTS`` markers), ``reference-verbatim`` (the graded
            code is the reference solution) or ``name-collision`` (another submission had the same
            name; this one was renamed). Shown in the TA report.
        worker_log: For instructors only, never shown to students: the end of the worker's output
            when a worker crashed or was stopped (written to ``worker.log``, not ``result.json``).
        staff: For staff only, never shown to students: every check's inputs, expected and received
            values and full message, hidden checks included (``staff.json``; see
            :mod:`autograder.grading.staffview`).
    """

    assignment: str
    submission: str
    score: float
    max_score: float
    status: str
    message: str
    checks: list[CheckResult]
    problems: list[str]
    environment: dict
    seconds: float = 0.0
    graded_at: str = ""
    submission_sha256: str = ""
    flags: list[str] = dataclasses.field(default_factory=list)
    worker_log: str = dataclasses.field(default="", repr=False)
    staff: dict = dataclasses.field(default_factory=dict, repr=False)


def to_dict(result: SubmissionResult) -> dict:
    """The JSON-ready form of a result (without the instructors' worker log and staff record)."""
    data = dataclasses.asdict(result)
    data.pop("worker_log", None)
    data.pop("staff", None)
    return data


def from_dict(data: dict) -> SubmissionResult:
    """Reads a result written by :func:`write`."""
    fields = {f.name for f in dataclasses.fields(SubmissionResult)}
    body = {k: v for k, v in data.items() if k in fields}
    body["checks"] = [check_from_dict(c) for c in data.get("checks", [])]
    return SubmissionResult(**body)


def check_from_dict(data: dict) -> CheckResult:
    """Reads one check of a ``result.json`` (fields it does not know are ignored)."""
    known = {f.name for f in dataclasses.fields(CheckResult)}
    return CheckResult(**{k: v for k, v in data.items() if k in known})


def write(result: SubmissionResult, path: Path) -> Path:
    """Writes ``result.json`` atomically (temporary file, fsync, rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomic(path, (json.dumps(to_dict(result), indent=2) + "\n").encode("utf-8"))
    log = path.with_name("worker.log")
    if result.worker_log:
        files.write_atomic(log, result.worker_log.encode("utf-8", "replace"))
    elif log.exists():
        log.unlink()
    staff = path.with_name(STAFF_FILE)
    if result.staff:
        files.write_atomic(staff, (json.dumps(result.staff, indent=1) + "\n").encode("utf-8"))
    elif staff.exists():
        staff.unlink()
    return path


def read(path: Path) -> SubmissionResult:
    """Reads a ``result.json``."""
    return from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
