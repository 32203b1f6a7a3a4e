"""Which graded functions each graded function calls, and the failures that follow from another's.

A sign error in ``sigmoid`` also fails ``logistic_forward``, which calls it. :func:`call_graph` reads
the submitted code (parsed, never run: the grader does not execute a student's code) and finds, for
every graded function, the graded functions it calls or refers to, directly or through helpers of
the student's own. :func:`attribute` then gives each failed check whose function calls a function
that failed a check of its own a :class:`~autograder.core.results.Cause`: the call path and that
check, which every writer states first (``logistic_forward calls sigmoid, which failed
sigmoid.values: fix sigmoid first``).

Only pass or fail decides a cause (what a student sees of every check, hidden ones included) and
the graph comes from the student's own code, so a cause tells the student nothing they could not
see. Whether a consequential failure still costs its points is the course's policy
(``consequential: charge | waive`` in ``grading.yml``; see :data:`POLICIES`).
"""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Iterable

from autograder.checks.check import Check
from autograder.core import pysource
from autograder.core.config import CONSEQUENTIAL
from autograder.core.results import Cause, CheckResult, CheckStatus

POLICIES = CONSEQUENTIAL
"""``charge`` (the default): a consequential failure costs its points like any other and says its
cause; ``waive``: its points are given back (the check still shows as failed, with its cause), and
the submission is flagged for review, since a deliberately broken or dead call would also be waived."""

REQUIRES = "requires"  # the category of a check not counted because another check of its function failed
_MAX_SOURCE = 500_000  # characters of one cell: more is not parsed (the graph is then left without it)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _definitions(source: str) -> dict[str, set[str]]:
    """The module-level functions, classes and lambdas a cell defines, each with every name its
    body refers to; ``{}`` for a cell that does not parse."""
    if len(source) > _MAX_SOURCE:
        return {}
    try:
        tree = pysource.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    out: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, _DEFINITIONS):
            out[node.name] = _names(node)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = _names(node.value)
    return out


def _names(node: ast.AST) -> set[str]:
    try:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    except RecursionError:
        return set()


@dataclasses.dataclass(frozen=True)
class CallGraph:
    """Which graded functions each graded function calls, read from the submitted code.

    Attributes:
        direct: Function name to the graded functions it calls or refers to directly, or through
            helpers of the student's own that are not graded (nearest first).
    """

    direct: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)

    def reaches(self, name: str) -> tuple[str, ...]:
        """Every graded function ``name`` calls, directly or through others, nearest first."""
        return tuple(p[-1] for p in self._paths(name))

    def path(self, start: str, goal: str) -> tuple[str, ...]:
        """The shortest chain of calls from ``start`` to ``goal`` (both included), or ``()``."""
        return next((p for p in self._paths(start) if p[-1] == goal), ())

    def _paths(self, start: str) -> list[tuple[str, ...]]:
        """The shortest call chain from ``start`` to each graded function it reaches, nearest first."""
        out, seen, frontier = [], {start}, [(start,)]
        while frontier:
            following = []
            for chain in frontier:
                for callee in self.direct.get(chain[-1], ()):
                    if callee not in seen:
                        seen.add(callee)
                        following.append((*chain, callee))
            out += following
            frontier = following
        return out


def call_graph(sources: Iterable[str], graded: Iterable[str]) -> CallGraph:
    """Reads which graded functions each graded function calls.

    Args:
        sources: The submitted code cells' sources, in notebook order (a later definition of a
            name replaces an earlier one, as running the cells would).
        graded: The names of the graded functions (the checks' targets).

    Returns:
        The graph: for each graded function the code defines, the graded functions it refers to
        (a call, or a function passed on), itself excluded, followed through the code's other
        definitions; a cell that does not parse adds nothing.
    """
    graded = set(graded)
    defined: dict[str, set[str]] = {}
    for source in sources:
        defined.update(_definitions(source))
    direct: dict[str, tuple[str, ...]] = {}
    for name in sorted(graded & defined.keys()):
        seen, found, frontier = {name}, [], [name]
        while frontier:  # through helpers, stopping at graded functions
            following = []
            for current in frontier:
                for ref in sorted(defined.get(current, ())):
                    if (ref in defined or ref in graded) and ref not in seen:  # a graded one left undefined counts
                        seen.add(ref)
                        (found if ref in graded else following).append(ref)
            frontier = following
        if found:
            direct[name] = tuple(found)
    return CallGraph(direct)


def probe_calls(check: Check, graded: Iterable[str]) -> tuple[str, ...]:
    """The graded functions a check's probe calls besides its own (``backward``'s probe runs the
    student's ``forward`` first): the graded names its source (the course's check file) quotes."""
    spec = check.probe_spec()
    if "source" not in spec:
        return ()  # the package's own probes call the check's function only
    try:
        tree = pysource.parse(spec["source"])
    except SyntaxError:
        return ()
    graded = set(graded) - {check.target}
    found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in graded]
    return tuple(dict.fromkeys(found))


def check_reach(target: str, graph: CallGraph, calls: tuple[str, ...]) -> tuple[str, ...]:
    """Every graded function a check of ``target`` runs besides ``target``: those ``target`` calls,
    those its probe calls (``calls``) and theirs; a worker skips the check once one of them ran out
    of time."""
    found = [*graph.reaches(target)]
    for name in calls:
        found += [name, *graph.reaches(name)]
    return tuple(dict.fromkeys(f for f in found if f != target))


def _first_failure(checks: list[CheckResult]) -> CheckResult | None:
    """The check a cause names: the first failed public check, else the first failed one."""
    failed = [c for c in checks if c.status != CheckStatus.PASSED]
    return next((c for c in failed if not c.hidden), failed[0] if failed else None)


def _chains(r: CheckResult, graph: CallGraph, calls: tuple[str, ...]) -> list[tuple[bool, tuple[str, ...]]]:
    """The call chains a check runs, nearest first: ``(False, path)`` from its function through the
    student's code, then ``(True, path)`` from each function its probe calls."""
    out = [(False, graph.path(r.target, g)) for g in graph.reaches(r.target)]
    for name in calls:
        out += [(True, (name,))] + [(True, graph.path(name, g)) for g in graph.reaches(name)]
    return out


def attribute(
    results: list[CheckResult],
    graph: CallGraph,
    *,
    probe_calls: dict[str, tuple[str, ...]] | None = None,
    policy: str = "charge",
) -> list[CheckResult]:
    """Each failed check that runs a graded function (called by its own function or by its probe)
    that failed a check of its own, with its :class:`~autograder.core.results.Cause`.

    A function fails on its own when one of its failed checks runs no failing function; the cause
    named is the nearest such function on the check's call chains (``relu`` for ``backward ->
    forward -> relu`` when all three fail for relu's mistake), with its first failed check (a public
    one when there is one). Under ``policy="waive"`` the check's points are given back (its status
    stays ``failed``).

    Args:
        results: The submission's check results, in order.
        graph: The submission's call graph (:func:`call_graph`).
        probe_calls: Check id to the graded functions its probe calls besides its own (:func:`probe_calls`).
        policy: ``charge`` or ``waive`` (:data:`POLICIES`).

    Returns:
        The results, in the same order, causes set.
    """
    if policy not in POLICIES:
        raise ValueError(f"consequential must be one of {', '.join(POLICIES)}, not {policy!r}")
    probe_calls = probe_calls or {}
    by_function: dict[str, list[CheckResult]] = {}
    for r in results:
        by_function.setdefault(r.target, []).append(r)
    failing = {f for f, checks in by_function.items() if _first_failure(checks) is not None}
    chains = {r.id: _chains(r, graph, probe_calls.get(r.id, ())) for r in results if r.status != CheckStatus.PASSED}
    own = {  # a failure on its own: no failing function on its chains, nor only another check's failure
        r.id
        for r in results
        if r.id in chains and r.category != REQUIRES and not any(path[-1] in failing for _, path in chains[r.id])
    }
    roots = {r.target for r in results if r.id in own}
    found: dict[str, tuple[bool, tuple[str, ...]]] = {}
    for r in results:
        chain = next(((by, path) for by, path in chains.get(r.id, ()) if path[-1] in roots), None)
        if chain is not None:
            found[r.id] = chain
    for r in results:  # a check not counted for another check of its function: that one's cause
        if r.category == REQUIRES and r.id not in found:
            first = next((found[c.id] for c in by_function[r.target] if c.id in found), None)
            if first is not None:
                found[r.id] = first
    charged = policy == "charge"
    out = []
    for r in results:
        if r.id not in found:
            out.append(r)
            continue
        by_check, path = found[r.id]
        cause = Cause(path, _first_failure(by_function[path[-1]]).id, charged, by_check)
        out.append(dataclasses.replace(r, cause=cause, points=r.points if charged else float(r.max_points)))
    return out


@dataclasses.dataclass(frozen=True)
class Calls:
    """What a submission's checks run besides their own function: the submission's call graph and
    the graded functions each check's probe calls.

    Attributes:
        graph: Read from the submitted code (:func:`call_graph`).
        probes: Check id to the graded functions its probe calls (:func:`probe_calls`).
        targets: Check id to its function.
    """

    graph: CallGraph
    probes: dict[str, tuple[str, ...]]
    targets: dict[str, str]

    @classmethod
    def read(cls, sources: Iterable[str], *, checks: list[Check], graded: Iterable[str]) -> Calls:
        """The calls of a submission whose code cells are ``sources``, for ``checks`` (with probes)."""
        graded = set(graded)
        probes = {c.id: probe_calls(c, graded) for c in checks}
        return cls(call_graph(sources, graded), probes, {c.id: c.target for c in checks})

    def reach(self) -> dict[str, tuple[str, ...]]:
        """Check id to every graded function it runs besides its own (:func:`check_reach`)."""
        return {i: check_reach(target, self.graph, self.probes[i]) for i, target in self.targets.items()}

    def attribute(self, results: list[CheckResult], *, policy: str) -> list[CheckResult]:
        """:func:`attribute` with this submission's calls."""
        return attribute(results, self.graph, probe_calls=self.probes, policy=policy)


def review_flags(results: list[CheckResult]) -> list[str]:
    """The review flag of a submission whose consequential failures were waived (a TA confirms the
    call is real: a dead or deliberate one would be waived too)."""
    waived = [r.id for r in results if r.cause is not None and not r.cause.charged]
    if not waived:
        return []
    shown = ", ".join(waived[:6]) + (", ..." if len(waived) > 6 else "")
    return [
        f"consequential-waived: {len(waived)} check(s) failed after a function they call failed, "
        f"and were not charged ({shown})"
    ]
