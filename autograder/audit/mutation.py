"""Mutation testing of an assignment's checks: are they strong enough to fail wrong code?

Every graded function of the reference is mutated (:mod:`autograder.audit.mutator`), one edit per
mutant; each mutant is the reference submission with that one cell replaced, graded on the checks
of its function only (and what they require). A mutant is *killed* when at least one of those
checks does not pass, and *survives* otherwise. Survivors listed in
``solutions/NAME/equivalent_mutants.yml`` (a mapping of mutant id to the reason it computes the
same thing as the reference) are *equivalent* and leave the score out. The score of a function is
killed / (killed + surviving non-equivalent mutants).

One reference namespace, one fork server and one isolation set-up serve the whole run. Hidden
inputs are seeded from the reference's code digest for every mutant (pinned), so each check's
inputs and expected values are computed once and cached.
"""

from __future__ import annotations

import ast
import concurrent.futures
import dataclasses
import json
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

from autograder.audit import examples, mutator
from autograder.core import pysource
from autograder.course import assignment as assignment_mod
from autograder.course import notebook
from autograder.course.layout import Layout
from autograder.grading import engine
from autograder.grading.session import open_session

EQUIVALENT_FILE = "equivalent_mutants.yml"
VERDICTS = ("killed", "survived", "equivalent", "not-compiled", "not-run")


class MutationError(ValueError):
    """Bad options or a bad equivalence file; the message names the problem."""


@dataclasses.dataclass(frozen=True)
class MutantResult:
    """One mutant and its verdict.

    Attributes:
        id: The mutant's id (``function/operator@line:col#hash``).
        function: The mutated function.
        operator: The kind of mutation.
        description: The edit in words.
        verdict: ``killed``, ``survived``, ``equivalent`` (survived, listed as equivalent),
            ``not-compiled`` (discarded) or ``not-run`` (the time budget ran out).
        failed: Ids of the function's checks that did not pass (why it was killed).
        reason: Why it is equivalent (from the equivalence file), else empty.
        diff: The mutation as a unified diff against the reference cell.
        seconds: Time spent grading it.
    """

    id: str
    function: str
    operator: str
    description: str
    verdict: str
    failed: tuple[str, ...] = ()
    reason: str = ""
    diff: str = ""
    seconds: float = 0.0


@dataclasses.dataclass(frozen=True)
class FunctionScore:
    """The mutation score of one function."""

    function: str
    mutants: int
    killed: int
    survived: int
    equivalent: int
    not_compiled: int
    not_run: int

    @property
    def score(self) -> float | None:
        """killed / non-equivalent graded mutants (None when none was graded)."""
        graded = self.killed + self.survived
        return self.killed / graded if graded else None


@dataclasses.dataclass
class MutationReport:
    """The outcome of ``autograder mutants NAME``.

    Attributes:
        assignment: The assignment's name.
        functions: Scores per function, in notebook order.
        mutants: Every mutant, with its verdict.
        warnings: Stale or contradicted equivalence entries, functions skipped, ...
        seconds: Wall time of the run.
    """

    assignment: str
    functions: list[FunctionScore]
    mutants: list[MutantResult]
    warnings: list[str]
    seconds: float

    def total(self) -> FunctionScore:
        """All functions together."""
        fields = ("mutants", "killed", "survived", "equivalent", "not_compiled", "not_run")
        return FunctionScore("total", *(sum(getattr(f, k) for f in self.functions) for k in fields))

    def to_json(self) -> dict:
        """Plain data for ``--out``."""
        return {
            "assignment": self.assignment,
            "seconds": self.seconds,
            "warnings": self.warnings,
            "functions": [dict(dataclasses.asdict(f), score=f.score) for f in self.functions],
            "total": dict(dataclasses.asdict(self.total()), score=self.total().score),
            "mutants": [dataclasses.asdict(m) for m in self.mutants],
        }


def read_equivalents(path: Path) -> dict[str, str]:
    """Reads an equivalence file: a YAML mapping of mutant id to the reason it is equivalent.

    Raises:
        MutationError: The file is not such a mapping.
    """
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise MutationError(f"{path}: not valid YAML ({err})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MutationError(f"{path}: must be a mapping of mutant id to reason, found {type(data).__name__}")
    for key, reason in data.items():
        if not isinstance(key, str) or not isinstance(reason, str) or not reason.strip():
            raise MutationError(f"{path}: entry {key!r} must map a mutant id to a non-empty reason")
    return data


def _solution_cells(nb: dict) -> dict[str, str]:
    return {c.id: c.source for c in notebook.code_cells(nb) if c.kind == "solution"}


def graded_functions(loaded: assignment_mod.Assignment, cells: dict[str, str]) -> dict[str, str]:
    """Graded function name -> id of the solution cell that defines it, in notebook order."""
    targets = {c.target for c in loaded.checks}
    out = {}
    for cell_id, source in cells.items():
        try:
            tree = pysource.parse(source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in targets:
                out.setdefault(node.name, cell_id)
    return out


def sample(mutants: list[mutator.Mutant], limit: int | None) -> list[mutator.Mutant]:
    """At most ``limit`` mutants, taken in turn from each operator so that every kind is represented."""
    if limit is None or len(mutants) <= limit:
        return list(mutants)
    by_op: dict[str, list[mutator.Mutant]] = {}
    for m in mutants:
        by_op.setdefault(m.operator, []).append(m)
    out: list[mutator.Mutant] = []
    queues = [list(v) for _, v in sorted(by_op.items())]
    while len(out) < limit:
        for q in queues:
            if q and len(out) < limit:
                out.append(q.pop(0))
    return sorted(out, key=mutants.index)


def run(
    name: str,
    *,
    root: Path,
    functions: list[str] | None = None,
    max_per_function: int | None = None,
    jobs: int = 2,
    time_budget_s: float | None = None,
    fast: bool = True,
    isolate: bool = True,
    progress: Callable[[int, int, MutantResult], None] | None = None,
) -> MutationReport:
    """Mutates the reference's graded functions and grades every mutant on its function's checks.

    Args:
        name: The assignment.
        root: The course repo.
        functions: Only these functions (default: every graded function).
        max_per_function: Grade at most this many mutants per function (taken across operators).
        jobs: Mutants graded at the same time.
        time_budget_s: Start no mutant after this many seconds; the rest are ``not-run``.
        fast: Fork workers from a process that has imported TensorFlow once.
        isolate: Confine workers as ``autograder grade`` does.
        progress: Called as ``progress(done, total, result)`` after each mutant.

    Returns:
        The report.

    Raises:
        MutationError: An unknown function, or a malformed equivalence file.
    """
    started = time.monotonic()
    plan = _plan(name, root=Path(root), functions=functions, max_per_function=max_per_function)
    chosen = plan.chosen
    with (
        tempfile.TemporaryDirectory(prefix="autograder-mutants-") as tmp,
        open_session(
            plan.loaded,
            root=Path(root),
            jobs=jobs,
            fork=fast,
            isolate=isolate,
            hide=[Path(tmp), Path.home()],
            require=False,  # the instructor's own reference, mutated
        ) as session,
    ):
        grader = _MutantGrader(session, Path(tmp), plan)
        ref_result = grader.grade(plan.ref_nb, "reference", [cid for fn in chosen for cid in plan.checks_of[fn]])
        for fn in list(chosen):
            lost = [c.id for c in ref_result.checks if c.target == fn and c.status != "passed"]
            if lost:
                plan.warnings.append(f"{fn}: skipped, the reference itself does not pass {', '.join(lost)}")
                del chosen[fn]
        todo = [m for fn in chosen for m in chosen[fn] if m.compiles]
        done: dict[mutator.Mutant, MutantResult] = {}  # by the mutant itself: its source, not only its id
        deadline = started + time_budget_s if time_budget_s is not None else None
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(grader.mutant, m, n, deadline): m for n, m in enumerate(todo)}
            for count, future in enumerate(concurrent.futures.as_completed(futures), 1):
                result = future.result()
                done[futures[future]] = result
                if progress is not None:
                    progress(count, len(todo), result)
    return _report(name, chosen, done, plan.cells, plan.graded, plan.warnings, started)


@dataclasses.dataclass
class _Plan:
    """What a mutation run grades: the reference, its graded functions and the mutants chosen."""

    loaded: object
    ref_nb: dict
    cells: dict
    graded: dict
    chosen: dict
    checks_of: dict
    equivalents: dict
    warnings: list


def _plan(name: str, *, root: Path, functions, max_per_function) -> _Plan:
    loaded = assignment_mod.load(name, root=root)
    ref_nb = examples.reference_notebook(loaded.source, loaded.release)
    cells = _solution_cells(ref_nb)
    graded = graded_functions(loaded, cells)
    unknown = [f for f in functions or () if f not in graded]
    if unknown:
        raise MutationError(f"{name} has no graded function {unknown[0]!r} (it has: {', '.join(graded)})")
    warnings: list[str] = []
    all_mutants = {fn: mutator.mutate(cells[cell], function=fn) for fn, cell in graded.items()}
    equivalents = read_equivalents(Layout(Path(root)).solutions(name) / EQUIVALENT_FILE)
    known = {m.id for ms in all_mutants.values() for m in ms}
    for key in equivalents:
        if key not in known:
            warnings.append(
                f"{EQUIVALENT_FILE}: no mutant has the id {key!r} (stale entry? the code it named has changed)"
            )
    chosen = {fn: sample(all_mutants[fn], max_per_function) for fn in graded if not functions or fn in functions}
    checks_of = {fn: [c.id for c in loaded.checks if c.target == fn] for fn in chosen}
    return _Plan(loaded, ref_nb, cells, graded, chosen, checks_of, equivalents, warnings)


class _MutantGrader:
    """Grades reference variants (the reference, mutants) in one session, every one meeting the same
    hidden inputs (the digest is pinned to the reference's), with expected values computed once."""

    def __init__(self, session, folder: Path, plan: _Plan):
        self.session, self.folder, self.plan = session, folder, plan
        self.pinned = engine.code_digest(notebook.submission_cells(plan.ref_nb, plan.loaded.release).cells)

    def grade(self, nb: dict, label: str, only: list[str]):
        path = self.folder / f"{label}.ipynb"
        path.write_text(json.dumps(nb), encoding="utf-8")
        try:
            return self.session.grade(path, name=label, only=only, seed_digest=self.pinned)  # the session's cache
        finally:
            path.unlink(missing_ok=True)

    def mutant(self, m: mutator.Mutant, index: int, deadline: float | None) -> MutantResult:
        """Grades one mutant on its function's checks (``not-run`` once ``deadline`` has passed)."""
        plan = self.plan
        cell = plan.graded[m.function]
        base = dict(
            id=m.id, function=m.function, operator=m.operator, description=m.description, diff=m.diff(plan.cells[cell])
        )
        if deadline is not None and time.monotonic() > deadline:
            return MutantResult(verdict="not-run", **base)
        t0 = time.monotonic()
        try:
            result = self.grade(
                examples.with_cells(plan.ref_nb, {cell: m.source}), f"mutant-{index}", plan.checks_of[m.function]
            )
        except Exception as err:  # an engine failure must not stop the run: report it
            plan.warnings.append(f"{m.id}: not graded, the grader failed ({type(err).__name__}: {err})")
            return MutantResult(verdict="not-run", **base)
        failed = tuple(c.id for c in result.checks if c.target == m.function and c.status != "passed")
        verdict, reason = _verdict(m, failed, plan.equivalents, plan.warnings)
        return MutantResult(
            verdict=verdict, failed=failed, reason=reason, seconds=round(time.monotonic() - t0, 3), **base
        )


def _verdict(m: mutator.Mutant, failed: tuple[str, ...], equivalents: dict, warnings: list[str]) -> tuple[str, str]:
    """Killed (some check of its function failed), equivalent (listed, with the reason) or survived."""
    if failed:
        if m.id in equivalents:
            warnings.append(f"{EQUIVALENT_FILE}: {m.id} is listed as equivalent but was killed by {', '.join(failed)}")
        return "killed", ""
    if m.id in equivalents:
        return "equivalent", equivalents[m.id]
    return "survived", ""


def _report(name, chosen, done, cells, graded, warnings, started) -> MutationReport:
    """The report: every chosen mutant's result (not compiled ones included) and a score per function."""
    results: list[MutantResult] = []
    scores = []
    for fn, mutants in chosen.items():
        rows = []
        for m in mutants:
            if not m.compiles:
                rows.append(
                    MutantResult(m.id, fn, m.operator, m.description, "not-compiled", diff=m.diff(cells[graded[fn]]))
                )
            else:
                rows.append(done[m])
        results.extend(rows)
        count = {v: sum(r.verdict == v for r in rows) for v in VERDICTS}
        scores.append(
            FunctionScore(
                fn,
                len(rows),
                count["killed"],
                count["survived"],
                count["equivalent"],
                count["not-compiled"],
                count["not-run"],
            )
        )
    return MutationReport(name, scores, results, warnings, round(time.monotonic() - started, 1))
