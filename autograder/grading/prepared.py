"""A check prepared for the worker, and the verdict on what came back: the part of grading that
:mod:`autograder.grading.engine` and the pytest-style checks (:mod:`autograder.grading.testchecks`)
share.
"""

from __future__ import annotations

import dataclasses

from autograder.checks.check import Check, Context
from autograder.checks.compare import Outcome
from autograder.core.results import CheckResult, CheckStatus
from autograder.core.seeds import stable_seed
from autograder.course.assignment import Assignment
from autograder.sandbox.protocol import CheckRecord, RecordStatus, tampered_message


@dataclasses.dataclass
class Prepared:
    """A check ready to run: its inputs, seed, expected value and limits."""

    index: int
    check: Check
    inputs: dict
    seed: int
    expected: object
    timeout_s: float


def public_seed(name: str, check: Check) -> int:
    """The fixed seed of a public check's inputs."""
    return stable_seed("public", name, check.seed_key)


def check_seed(assignment: Assignment, check: Check, digest: str) -> int:
    """The seed of a check's inputs for a submission whose code has ``digest``.

    Public checks have a fixed seed (their fixtures ship with the release). A hidden check's seed
    comes from the course's salt and the digest, so a student cannot know it: one of a pool of
    ``hidden_variants`` seeds when the assignment sets one (the digest picks the variant, so the
    expected values of a run are computed once per variant), else a seed of the submission's own.
    """
    config = assignment.config
    if not assignment.settings(check).hidden:
        return public_seed(assignment.name, check)
    own = stable_seed(config.seed, assignment.name, check.seed_key, digest)
    if config.hidden_variants is None:
        return own
    return _variant_seed(assignment, check, own % config.hidden_variants)


def _variant_seed(assignment: Assignment, check: Check, index: int) -> int:
    return stable_seed(assignment.config.seed, assignment.name, check.seed_key, "variant", str(index))


def shared_seeds(assignment: Assignment, check: Check) -> list[int]:
    """Every seed that submissions may share for ``check``: the public seed, or the hidden check's
    pool of ``hidden_variants`` seeds (none when each submission has inputs of its own)."""
    if not assignment.settings(check).hidden:
        return [public_seed(assignment.name, check)]
    variants = assignment.config.hidden_variants or 0
    return [_variant_seed(assignment, check, i) for i in range(variants)]


def seed_is_shared(assignment: Assignment, check: Check) -> bool:
    """Whether other submissions meet the same seed (see :func:`check_seed`): public checks, and
    hidden ones drawn from a pool of variants; a seed of a submission's own is not."""
    return not assignment.settings(check).hidden or assignment.config.hidden_variants is not None


_ERROR_CATEGORIES = {
    RecordStatus.NOT_IMPLEMENTED: "not-implemented",
    RecordStatus.RAISED: "raised",
    RecordStatus.TIMEOUT: "timeout",
    RecordStatus.MEMORY: "memory",
    RecordStatus.DISK: "disk",
    RecordStatus.CRASHED: "crashed",
    RecordStatus.MISSING: "missing",
    RecordStatus.UNPLAIN: "type",
}


def judge(p: Prepared, record: CheckRecord | None, settings, *, hint: str) -> CheckResult:
    """Turns a worker record into a check result (verdicts happen here, in the grader)."""
    check = p.check
    hidden = settings.hidden
    base = dict(id=check.id, target=check.target, max_points=settings.points, hidden=hidden, hint=hint)
    if record is None:
        record = CheckRecord(RecordStatus.CRASHED, f"no result came back for {check.target}")
    if not record.returned:
        category = _ERROR_CATEGORIES.get(record.status, "crashed")
        message = record.message  # built or redacted by the grader (:func:`autograder.grading.workers.from_worker`)
        if record.status is RecordStatus.TAMPERED:  # a record the worker's own code never writes
            message = tampered_message(check.target)
        result_status = CheckStatus.FAILED.value if category == "type" else CheckStatus.ERROR.value
        return CheckResult(status=result_status, points=0.0, message=message, category=category, **base)
    ctx = Context(check.what, settings.tol, p.inputs, record.type)
    try:
        outcome = check.verdict(record.value, p.expected, ctx)
    except Exception as err:  # a verdict must never take the batch down
        outcome = Outcome(
            False, "type", f"{check.what}: the returned value could not be compared ({type(err).__name__})"
        )
    return from_outcome(outcome, check=check, settings=settings, hint=hint)


def from_outcome(outcome: Outcome, *, check: Check, settings, hint: str) -> CheckResult:
    """A verdict's outcome as the check's result: full points, or none with the verdict's message
    (a hidden check's for staff: its category; :func:`autograder.core.results.one_bit` is what the
    student sees)."""
    base = dict(id=check.id, target=check.target, max_points=float(settings.points), hidden=settings.hidden, hint=hint)
    if outcome.passed:
        return CheckResult(status=CheckStatus.PASSED.value, points=float(settings.points), **base)
    message = f"hidden check on {check.target} failed ({outcome.category})" if settings.hidden else outcome.message
    return CheckResult(status=CheckStatus.FAILED.value, points=0.0, message=message, category=outcome.category, **base)


def not_judged(assignment: Assignment, checks: list[Check], *, message: str, category: str) -> list[CheckResult]:
    """Every one of ``checks`` as not judged, with ``message`` and ``category`` (a notebook that could
    not be read, a grader that failed)."""
    return [
        CheckResult.not_judged(
            id=c.id,
            target=c.target,
            max_points=assignment.settings(c).points,
            hidden=assignment.settings(c).hidden,
            hint=c.hint,
            message=message,
            category=category,
        )
        for c in checks
    ]
