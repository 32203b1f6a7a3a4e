"""Grading one submission: inputs and expected values in the grader, student code in a worker.

The grader builds each check's inputs from a seed, takes its expected value from the term's pool
or computes it on the reference solution in its own process (:mod:`autograder.grading.reference`),
or reads it from the public fixtures in a student's folder, sends only the inputs to fresh workers
(:mod:`autograder.grading.workers`: a worker that dies or hangs costs only the check it was
running), and judges what comes back (:mod:`autograder.grading.prepared`). Public and hidden
checks run in different workers, so code that produced a message a student reads never held a
hidden input; every text a worker sends back is scanned for hidden values anyway
(:mod:`autograder.grading.redact`), and a hidden check's message is built by the grader alone. A
submission has a hard time ceiling derived from its assignment's limits
(:func:`autograder.grading.workers.submission_ceiling`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import time
from collections.abc import Callable, MutableMapping
from pathlib import Path

from autograder.checks.check import Check
from autograder.core.results import CheckResult, SubmissionResult, SubmissionStatus
from autograder.course import notebook
from autograder.course.assignment import Assignment
from autograder.course.testfiles import PytestCheck
from autograder.grading import causes, redact, staffview, testchecks
from autograder.grading.prepared import Prepared, check_seed, judge, not_judged, seed_is_shared
from autograder.grading.reference import ReferenceFailed, compute_expected, needs_tensorflow, reference_namespace
from autograder.grading.workers import WorkerRounds, run_in_workers, stops_summary, submission_ceiling
from autograder.sandbox import determinism


def _fixture(assignment: Assignment, check: Check) -> dict | None:
    if assignment.fixtures is None:
        return None
    return assignment.fixtures["fixtures"].get(check.id)


def prepare(
    assignment: Assignment,
    checks: list[Check],
    *,
    digest: str,
    reference: dict | Callable[[], dict] | None,
    cache: MutableMapping | None = None,
    pinned: bool = False,
) -> list[Prepared]:
    """Builds inputs and expected values for the checks.

    Public checks use a fixed seed (so their fixtures can be shipped); hidden checks are seeded
    from the course salt and the submission's digest: reproducible, and different per submission.

    Args:
        assignment: The assignment.
        checks: The checks to prepare.
        digest: The submission's code digest (seeds the hidden checks).
        reference: The reference namespace, or a function that returns it (called only when a value
            is not in ``cache``), or None to use the public fixtures.
        cache: A mapping kept by the caller across submissions (a dict for one run, or the term's
            :class:`autograder.grading.pool.Pool`): inputs and expected values by ``(check id,
            seed)``, computed once. It keeps the seeds that submissions share: public checks',
            hidden variants' (``hidden_variants``) and, with ``pinned``, every seed. Only valid for
            one assignment and one reference.
        pinned: ``digest`` is the same for every submission of the run (a mutation run).
    """
    out = []
    made: dict = {}  # checks sharing a seed_id share their call on the reference too
    for index, check in enumerate(checks):
        settings = assignment.settings(check)
        timeout = settings.timeout_s or assignment.config.limits.check_timeout_s
        fixture = _fixture(assignment, check) if reference is None else None
        if fixture is not None:
            out.append(Prepared(index, check, fixture["inputs"], fixture["seed"], fixture["expected"], timeout))
            continue
        if reference is None:
            raise ReferenceFailed(f"no expected value for check {check.id}")
        seed = check_seed(assignment, check, digest)
        key = (check.id, seed)
        call = (check.seed_id, check.target, repr(check.probe_spec()), seed) if check.seed_id else None
        if cache is not None and key in cache:
            inputs, expected = cache[key]
        elif call in made:
            inputs, expected = made[call]
        else:
            inputs, expected = compute_expected(check, reference() if callable(reference) else reference, seed)
            if cache is not None and (pinned or seed_is_shared(assignment, check)):
                cache[key] = (inputs, expected)
        if call is not None:
            made[call] = (inputs, expected)
        out.append(Prepared(index, check, inputs, seed, expected, timeout))
    return out


def code_digest(code: list[notebook.Cell]) -> str:
    """Digest of the graded code (solution cells): hidden inputs depend on it, not on outputs or
    metadata, so the same answers get the same hidden inputs in every copy of a notebook."""
    h = hashlib.sha256()
    for cell in code:
        if cell.kind == "solution":
            h.update(cell.id.encode() + b"\0" + cell.source.encode() + b"\0")
    return h.hexdigest()


def select_checks(assignment: Assignment, *, public_only: bool = False, only=None) -> list[Check]:
    """The checks to run: all, the public ones, or those named in ``only`` plus what they require.

    Raises:
        KeyError: ``only`` names a check the assignment does not have.
    """
    checks = [c for c in assignment.checks if not (public_only and assignment.settings(c).hidden)]
    if only is None:
        return checks
    by_id = {c.id: c for c in checks}
    unknown = sorted(set(only) - set(by_id))
    if unknown:
        raise KeyError(f"{assignment.name} has no check {', '.join(unknown)}")
    wanted: set[str] = set()
    todo = list(only)
    while todo:
        cid = todo.pop()
        if cid not in wanted:
            wanted.add(cid)
            todo.extend(r for r in by_id[cid].requires if r in by_id)
    return [c for c in checks if c.id in wanted]


def apply_requirements(results: list[CheckResult], checks: list[Check]) -> list[CheckResult]:
    """Takes the points of a passed check away when a check it requires did not pass."""
    by_id = {r.id: r for r in results}
    out = []
    for result, check in zip(results, checks):
        missing = [r for r in check.requires if r in by_id and by_id[r].status != "passed"]
        if result.status == "passed" and missing:
            owners = ", ".join(dict.fromkeys(by_id[r].target for r in missing))
            result = dataclasses.replace(
                result,
                status="failed",
                points=0.0,
                category=causes.REQUIRES,
                message=(
                    f"not counted: this check earns its points only when {', '.join(missing)} "
                    f"{'passes' if len(missing) == 1 else 'pass'}, which did not: fix {owners} first"
                ),
            )
        out.append(result)
    return out


def grade(
    path: Path,
    *,
    assignment: Assignment,
    public_only: bool = False,
    name: str | None = None,
    reference: dict | Callable[[], dict] | None = None,
    forkserver=None,
    lock=None,
    confinement=None,
    only=None,
    tree: Path | None = None,
    seed_digest: str | None = None,
    expected_cache: dict | None = None,
) -> SubmissionResult:
    """Grades one notebook.

    Args:
        path: The submitted notebook.
        assignment: The assignment (from :func:`autograder.course.assignment.load` or ``load_release``).
        public_only: Run only public checks (the student's self-check).
        name: The submission's name in results (default: the file's stem).
        reference: A reference namespace to reuse across submissions, or a function that returns
            it when it is first needed (see :func:`prepare`); computed here if None and the source
            notebook is available.
        forkserver: A :class:`autograder.sandbox.forkserver.ForkServer` to start workers from (faster).
        lock: Serialises the grader's own TensorFlow work (seeded references) across threads.
        confinement: How workers are isolated (:func:`autograder.sandbox.confinement.confinement`); None runs
            them as the grader's user (as ``autograder check`` does on a student's machine).
        only: Check ids to grade (and the checks they require); None grades all.
        tree: The submission tree the notebook must lie in as a plain file (no link, FIFO or
            device on the way; default: its own folder); anything else is ``invalid``.
        seed_digest: Seeds the hidden checks with this digest instead of the submission's code
            digest (a mutation run pins it to the reference's, so every mutant meets the same
            hidden inputs and their expected values are computed once).
        expected_cache: Inputs and expected values by ``(check id, seed)``, shared across
            submissions (see :func:`prepare`; a session passes its pool).

    Returns:
        The result; never raises for anything in the submission.
    """
    started = time.monotonic()
    path = Path(path)
    checks = select_checks(assignment, public_only=public_only, only=only)
    shell = _Shell(assignment, name or path.stem, checks, started)
    try:
        nb, raw = notebook.read_submission(path, tree=tree)
        shell.digest = hashlib.sha256(raw).hexdigest()
        del raw
        picked = notebook.submission_cells(nb, assignment.release)
    except notebook.NotebookError as err:
        return shell.invalid(checks, str(err))
    reference, prepared = _prepare_all(assignment, checks, picked.cells, reference, lock, seed_digest, expected_cache)
    shell.env = determinism.describe()
    tested = _pytest_style(assignment, checks, picked.cells, reference, lock)
    calls = tested.start(offset=len(prepared)) if tested else []
    redactor = hidden_redactor(assignment, prepared, code=picked.cells)
    runs = causes.Calls.read(
        [c.source for c in picked.cells],
        checks=[p.check for p in prepared],
        graded={c.target for c in assignment.checks},
    )
    rounds = _run_groups(
        assignment,
        picked.cells,
        prepared,
        calls,
        forkserver=forkserver,
        confinement=confinement,
        redactor=redactor,
        reach=runs.reach(),
    )
    shell.env["sandbox"] = confinement.mode if confinement is not None else "none"
    problems = list(picked.problems) + rounds.cell_problems()
    results = [judge(p, rounds.records.get(p.index), assignment.settings(p.check), hint=p.check.hint) for p in prepared]
    if tested is not None:
        results = _tested_rounds(
            tested, calls, results, rounds, checks, code=picked.cells, forkserver=forkserver, confinement=confinement
        )
    results = runs.attribute(apply_requirements(results, checks), policy=assignment.config.consequential)
    status = rounds.stops[0].ended.value if rounds.stops else "ok"
    result = shell.finish(status, stops_summary(rounds.stops), results, problems)
    result.flags = notebook.review_flags(nb, graded=picked.cells, source=assignment.source)
    result.flags += causes.review_flags(results)
    # the worker log is for instructors only, but a results folder can be handed out whole
    result.worker_log = redactor("\n".join(rounds.logs))
    result.staff = staffview.collect(prepared, rounds.records, results, settings=assignment.settings)
    public = rounds.public_stops
    result.staff["public"] = {"status": public[0].ended.value if public else "ok", "message": stops_summary(public)}
    return result


def _tested_rounds(tested, calls, results, rounds: WorkerRounds, checks, *, code, forkserver, confinement):
    """The remaining rounds of the pytest-style checks, in workers of their own: every result in
    the checks' order (their stops and logs added to ``rounds``)."""
    tested.feed(calls, rounds.records)
    test_results, test_stops, test_logs = tested.finish(code=code, forkserver=forkserver, confinement=confinement)
    by_id = {r.id: r for r in results + test_results}
    rounds.stops += test_stops
    rounds.logs += test_logs
    return [by_id[c.id] for c in checks]


def refused(*, assignment: Assignment, name: str, message: str) -> SubmissionResult:
    """The result of a notebook the intake refused to read (a link, a FIFO, ...): ``invalid``, nothing run."""
    checks = select_checks(assignment)
    return _Shell(assignment, name, checks, time.monotonic()).invalid(checks, message)


def failed(*, assignment: Assignment, name: str, err: BaseException) -> SubmissionResult:
    """The result of a submission whose grading failed in the grader itself (a bug): ``crashed``, 0."""
    checks = select_checks(assignment)
    shell = _Shell(assignment, name, checks, time.monotonic())
    message = "not graded: the autograder failed; your instructor has the details"
    results = not_judged(assignment, checks, message=message, category="crashed")
    return shell.finish(
        SubmissionStatus.CRASHED.value, f"autograder failed ({type(err).__name__}); regrade after fixing", results, []
    )


def _prepare_all(
    assignment: Assignment, checks: list[Check], code: list[notebook.Cell], reference, lock, seed_digest, expected_cache
) -> tuple[dict | Callable[[], dict] | None, list[Prepared]]:
    """The reference (namespace, or a function that makes it) and the prepared probe checks, under
    the grader's TensorFlow lock."""
    with lock or contextlib.nullcontext():
        if reference is None and assignment.source is not None:
            reference = reference_namespace(assignment)
        digest = seed_digest if seed_digest is not None else code_digest(code)
        probed = [c for c in checks if not isinstance(c, PytestCheck)]
        return reference, prepare(
            assignment, probed, digest=digest, reference=reference, cache=expected_cache, pinned=seed_digest is not None
        )


def _pytest_style(assignment: Assignment, checks: list[Check], code: list[notebook.Cell], reference, lock):
    """The grading of the checks written as pytest tests (:mod:`autograder.grading.testchecks`), or None.
    They are hidden: their first calls share the hidden checks' worker."""
    tests = [c for c in checks if isinstance(c, PytestCheck)]
    if not tests:
        return None
    if callable(reference):
        with lock or contextlib.nullcontext():
            reference = reference()
    return testchecks.Grading(tests, assignment=assignment, digest=code_digest(code), reference=reference, lock=lock)


class _Shell:
    """What every result of one submission carries, whatever happens to its code."""

    def __init__(self, assignment: Assignment, name: str, checks: list[Check], started: float):
        self.assignment, self.name, self.started = assignment, name, started
        self.max_score = float(sum(assignment.settings(c).points for c in checks))
        self.stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        self.digest = ""
        self.env = determinism.describe()

    def invalid(self, checks: list[Check], message: str) -> SubmissionResult:
        """The result of a notebook that could not be read: every check an error, none graded."""
        results = not_judged(
            self.assignment, checks, message="not graded: the notebook could not be read", category="invalid"
        )
        return self.finish(SubmissionStatus.INVALID.value, message, results, [message])

    def finish(self, status: str, message: str, results: list[CheckResult], problems: list[str]) -> SubmissionResult:
        score = float(sum(r.points for r in results))
        return SubmissionResult(
            self.assignment.name,
            self.name,
            score,
            self.max_score,
            status,
            message,
            results,
            problems,
            self.env,
            round(time.monotonic() - self.started, 3),
            self.stamp,
            self.digest,
        )


def _run_groups(
    assignment: Assignment,
    code: list[notebook.Cell],
    prepared: list[Prepared],
    calls: list[Prepared],
    *,
    forkserver,
    confinement,
    redactor: redact.Redactor,
    reach: dict[str, tuple[str, ...]],
) -> WorkerRounds:
    """Runs the public checks, then the hidden ones (and the first calls of pytest-style checks), in
    workers of their own, under one ceiling for the submission; a function that ran out of time in
    a public check is not called by the hidden ones (``reach``: the graded functions each check runs)."""
    limits = assignment.config.limits
    ceiling = submission_ceiling(limits, n_cells=len(code), timeouts=[p.timeout_s for p in prepared])
    deadline = (
        time.monotonic() + ceiling
    )  # from the first worker's start: waiting for the grader's lock is not the student's time
    hidden = [p for p in prepared if assignment.settings(p.check).hidden]
    public = [p for p in prepared if not assignment.settings(p.check).hidden]
    out = WorkerRounds()
    for group, is_hidden in ((public, False), (hidden + calls, True)):
        if is_hidden and not group:
            continue
        rounds = run_in_workers(
            code,
            group,
            limits,
            preload=needs_tensorflow(assignment),
            forkserver=forkserver,
            confinement=confinement,
            deadline=deadline,
            ceiling_s=ceiling,
            hidden=is_hidden,
            redactor=redactor,
            reach=reach,
            timed_out=out.timed_out,
        )
        out.records.update(rounds.records)
        out.timed_out.update(rounds.timed_out)
        out.stops += rounds.stops
        out.logs += rounds.logs
        if (
            not is_hidden
        ):  # the hidden checks' worker's cell messages and stops are never shown: its code held hidden inputs
            out.cell_runs = rounds.cell_runs
            out.public_stops = list(rounds.stops)
    return out


def hidden_redactor(
    assignment: Assignment, prepared: list[Prepared], *, code: list[notebook.Cell] = ()
) -> redact.Redactor:
    """Masks this submission's hidden inputs and expected values, hidden check ids and the names of
    probes only hidden checks use, in text built from what a worker sent back; never what the
    release or the submitted ``code`` shows (their tokens, :func:`autograder.grading.redact.public_tokens`)."""
    hidden = [p for p in prepared if assignment.settings(p.check).hidden]
    public_probes = {_probe_name(c) for c in assignment.checks if not assignment.settings(c).hidden}
    names = [p.check.id for p in hidden] + [
        n for n in (_probe_name(p.check) for p in hidden) if n and n not in public_probes
    ]
    shown = redact.public_tokens(
        [*notebook.release_texts(assignment.release), *(t for c in code for t in (c.id, c.source))]
    )
    values = [v for p in hidden for v in p.check.hidden_values(p.inputs, p.expected)]
    return redact.redactor(values=values, names=names, public=shown)


def _probe_name(check: Check) -> str:
    """The name of a course's own probe ('' for the package's probes, which every student has)."""
    spec = check.probe_spec()
    return "" if "ref" in spec else spec["name"]
