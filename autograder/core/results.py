"""Results as plain dataclasses, and their JSON forms.

A :class:`SubmissionResult` in memory is complete: every check's category and message, hidden
checks included, and the submission's status and wall time. Two files come from it:

- ``result.json``, what a student may see (:func:`student_view`): a hidden check tells only
  whether it passed, and its hint (its category, message and any other detail would let code
  that sees its hidden inputs spell them out across many checks); the submission's status and
  message come from the public checks' workers only, and its wall time is left out;
- ``staff.json`` beside it, for staff only: the complete result and, per check, the inputs,
  expected and received values (:mod:`autograder.grading.staffview`). :func:`read_full` puts the
  two back together for TAs' tools.

:func:`to_wire` / :func:`from_wire` carry a complete result between processes (a Dask cluster).
"""

from __future__ import annotations

import dataclasses
import enum
import json
from pathlib import Path

from autograder.core import files


class CheckStatus(enum.StrEnum):
    """A check's outcome: passed, failed (a wrong answer) or error (it could not be judged)."""

    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"


class SubmissionStatus(enum.StrEnum):
    """How grading a submission went (the worst stop of its workers, or the notebook unread)."""

    OK = "ok"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    DISK = "disk"
    CRASHED = "crashed"
    INVALID = "invalid"


SUBMISSION_STATUSES = tuple(s.value for s in SubmissionStatus)
CHECK_STATUSES = tuple(s.value for s in CheckStatus)
HIDDEN_CATEGORY = "hidden"
"""The only category a student sees on a hidden check that did not pass."""
MANUAL_CATEGORY = "manual"
"""A question marked by hand, with its mark (:mod:`autograder.term.adjust`)."""
UNMARKED_CATEGORY = "unmarked"
"""A question marked by hand that has no mark yet."""
LATE_CATEGORY = "late"
"""The late penalty of a submission that came after its due date."""
MANUAL_CATEGORIES = (MANUAL_CATEGORY, UNMARKED_CATEGORY)
TERM_CATEGORIES = (*MANUAL_CATEGORIES, LATE_CATEGORY)
"""The rows the term adds to a result (marks given by hand, lateness): not checks of the code."""


RESULT_FILE = "result.json"
STAFF_FILE = "staff.json"  # beside result.json: for staff only (see autograder.grading.staffview)


@dataclasses.dataclass(frozen=True)
class Cause:
    """Why a check may have failed though its own function could be right: a graded function it
    calls failed a check of its own (:mod:`autograder.grading.causes`).

    Attributes:
        path: The chain of calls to the failing function: from the check's function
            (``("backward", "forward", "relu")``), or, with ``by_check``, from the function the
            check's probe calls besides its own (``("forward", "relu")``, or ``("forward",)``).
        check: The failing function's first failed check (``relu.values``).
        charged: Whether this check's points were taken all the same (``grading.yml``'s
            ``consequential`` policy: ``charge``, the default, or ``waive``).
        by_check: Whether the chain starts in the check (its probe runs ``path[0]`` first) rather
            than in the check's function.
    """

    path: tuple[str, ...]
    check: str
    charged: bool = True
    by_check: bool = False

    @property
    def function(self) -> str:
        """The failing function: the last of the path."""
        return self.path[-1]

    @classmethod
    def from_dict(cls, data) -> Cause | None:
        """Reads the JSON form (None for anything else)."""
        if not isinstance(data, dict):
            return None
        path, check = data.get("path"), data.get("check")
        if not (isinstance(path, list | tuple) and path and all(isinstance(p, str) for p in path)):
            return None
        if not isinstance(check, str):
            return None
        return cls(tuple(path), check, bool(data.get("charged", True)), bool(data.get("by_check", False)))


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
        cause: A graded function this one calls that failed first, or None (see :class:`Cause`).
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
    cause: Cause | None = None

    @classmethod
    def not_judged(
        cls, *, id: str, target: str, max_points: float, hidden: bool, hint: str, message: str, category: str
    ) -> CheckResult:
        """A check that earned nothing because it could not be judged (the one constructor of such a
        result: status ``error``, 0 points, the message and category saying why)."""
        return cls(id, target, CheckStatus.ERROR.value, 0.0, float(max_points), hidden, message, category, hint)


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
        submitted_at: When it was submitted (ISO 8601, UTC), from nbgrader's ``timestamp.txt`` or
            the LMS download's name, or empty (:func:`autograder.term.deadlines.submission_time`).
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
    submitted_at: str = ""
    worker_log: str = dataclasses.field(default="", repr=False)
    staff: dict = dataclasses.field(default_factory=dict, repr=False)


def one_bit(check: CheckResult) -> CheckResult:
    """What a student sees of a hidden check: passed or failed, its points, its hint and its cause
    (a cause is decided by other checks' pass or fail and the student's own code: nothing hidden)."""
    if not check.hidden:
        return check
    if check.status == "passed":
        return dataclasses.replace(check, message="", category="ok")
    return dataclasses.replace(
        check, status="failed", message=f"hidden check on {check.target} failed", category=HIDDEN_CATEGORY
    )


def student_view(result: SubmissionResult) -> SubmissionResult:
    """The result as a student may see it (see the module docstring); staff-only parts emptied."""
    public = result.staff.get("public", {}) if isinstance(result.staff, dict) else {}
    return dataclasses.replace(
        result,
        status=public.get("status", result.status),
        message=public.get("message", result.message),
        checks=[one_bit(c) for c in result.checks],
        seconds=0.0,
        worker_log="",
        staff={},
    )


def to_dict(result: SubmissionResult) -> dict:
    """The JSON-ready form of what a student may see (``result.json``; see :func:`student_view`)."""
    data = dataclasses.asdict(student_view(result))
    for staff_only in ("worker_log", "staff", "seconds"):
        data.pop(staff_only, None)
    return data


def to_wire(result: SubmissionResult) -> dict:
    """A complete result as JSON-ready data, staff parts included (between the grader's processes)."""
    return dataclasses.asdict(result)


def from_wire(data: dict) -> SubmissionResult:
    """Reads :func:`to_wire`'s form."""
    result = from_dict(json.loads(json.dumps(data)))  # a copy: nothing shared with the sender's data
    result.worker_log = data.get("worker_log", "") or ""
    result.staff = data.get("staff", {}) or {}
    return result


def _staff_record(result: SubmissionResult) -> dict:
    """``staff.json``: the per-check record and the complete submission (status, message, time)."""
    record = dict(result.staff)
    record["submission"] = {
        "status": result.status,
        "message": result.message,
        "seconds": result.seconds,
        "checks": [dataclasses.asdict(c) for c in result.checks],
    }
    return record


def from_dict(data: dict) -> SubmissionResult:
    """Reads a result written by :func:`write`."""
    fields = {f.name for f in dataclasses.fields(SubmissionResult)}
    body = {k: v for k, v in data.items() if k in fields and k not in ("worker_log", "staff")}
    body["checks"] = [check_from_dict(c) for c in data.get("checks", [])]
    return SubmissionResult(**body)


def check_from_dict(data: dict) -> CheckResult:
    """Reads one check of a ``result.json`` (fields it does not know are ignored)."""
    known = {f.name for f in dataclasses.fields(CheckResult)}
    body = {k: v for k, v in data.items() if k in known}
    body["cause"] = Cause.from_dict(body.get("cause"))
    return CheckResult(**body)


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
    files.write_atomic(staff, (json.dumps(_staff_record(result), indent=1) + "\n").encode("utf-8"))
    return path


def read(path: Path) -> SubmissionResult:
    """Reads a ``result.json`` (what the student may see)."""
    return from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def read_full(path: Path) -> SubmissionResult:
    """Reads a ``result.json`` with its ``staff.json``: the complete result, for TAs' tools.

    A staff record written before it held the complete result adds only its per-check record; one
    that cannot be read, or whose checks are not ``result.json``'s (another grading's), adds
    nothing: the student's view is returned as it is.
    """
    result = read(path)
    try:
        staff = json.loads(Path(path).with_name(STAFF_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return result
    if not isinstance(staff, dict):
        return result
    full = staff.get("submission")
    if not isinstance(full, dict):  # the older form: the per-check record only
        result.staff = {k: v for k, v in staff.items() if k != "submission"}
        return result
    try:
        checks = [check_from_dict(c) for c in full["checks"]]
    except (TypeError, KeyError, AttributeError):
        return result
    if [c.id for c in checks] != [c.id for c in result.checks]:
        return result
    result.checks = checks
    for key in ("status", "message", "seconds"):
        if key in full:
            setattr(result, key, full[key])
    result.staff = {k: v for k, v in staff.items() if k != "submission"}
    return result
