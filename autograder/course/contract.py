"""The contract's checks of one assignment, made from its ``<function>.values`` checks and its release.

The contract (:mod:`autograder.checks.contract`) binds every graded function, so no check file
declares it: for each function with a ``<function>.values`` check this module makes one hidden
check per clause that ``grading.yml`` gives points (``contract:``, course-wide, per assignment
over it), through that check's probe on the inputs of the function's checks that use the same
probe (its values and edge cases, up to :data:`CASES`, drawn from the clause's own seed), earning
its points only when the values are right. A clause is made only where the release states it:

- ``unchanged``, ``own_result``, ``repeatable``: for every function (the release's conventions
  cell states them once), unless the course's checks already define ``<function>.<clause>``;
- ``dtype``: where the function's docstring names a sized dtype (``int32``, ``float64``, ...);
- ``no_warning``: where the docstring, or the text just before the function, says "without a
  warning" (or "no warning");
- ``built_on``: where the docstring says the function is "built on" other functions of the
  notebook: each is called, or else every function it is built on in turn (``lstm_backward`` built
  on ``lstm_forward`` may call ``lstm_step``, on which ``lstm_forward`` is built); ``scan`` is left
  to the course's own checks (exact counts, :func:`autograder.checks.check.runs_through`).

The clause checks of one function share their seed (:attr:`Check.seed_id`), so the worker and the
grader run the observed probe once for all of them.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import re

from autograder.checks import contract
from autograder.checks.check import Check
from autograder.core import pysource
from autograder.core.config import CheckConfig

_DTYPE = re.compile(r"\b(?:np\.|numpy\.|tf\.)?(u?int(?:8|16|32|64)|float(?:16|32|64))\b")
_BUILT_ON = re.compile(r"\bbuilt on ([^.;:()\n]+(?:\n\s*[^.;:()\n]+)?)", re.IGNORECASE)
_NO_WARNING = re.compile(r"\bwithout (?:a |any )?warnings?\b|\bno warnings?\b|\bnever warns\b", re.IGNORECASE)

HINTS = {
    "unchanged": "do not modify the arguments in place (no `x[...] = ...`, `+=`, `.append`): compute new values",
    "own_result": "return new arrays: never an argument itself, nor a view of one (`x[::-1]`, `x.T`, `x.reshape`)",
    "repeatable": "keep no state between calls, and draw random numbers only from the seed the function is given",
    "dtype": "convert the result to the dtype the docstring names, e.g. `.astype(np.int32)`",
    "no_warning": "handle the edge case before computing (e.g. test for an empty mean instead of dividing by zero)",
    "built_on": "call the functions the docstring names (a Python copy of their code does not count)",
}


@dataclasses.dataclass(frozen=True)
class FunctionText:
    """What the release says about one function.

    Attributes:
        docstring: Its docstring ('' when none).
        before: The markdown just before its cell (since the previous code cell).
    """

    docstring: str
    before: str


def function_texts(release: dict) -> dict[str, FunctionText]:
    """Each function defined at the top of a release code cell, with its docstring and the
    markdown before its cell (cells that do not parse are skipped)."""
    out: dict[str, FunctionText] = {}
    before: list[str] = []
    for cell in release.get("cells", []):
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "markdown":
            before.append(source)
            continue
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = pysource.parse(source)
        except SyntaxError:
            tree = ast.Module(body=[], type_ignores=[])
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.setdefault(node.name, FunctionText(ast.get_docstring(node) or "", "\n".join(before)))
        before = []
    return out


def named_dtype(docstring: str) -> str:
    """The first sized dtype the docstring's ``Returns:`` section (or the whole docstring when it
    has none) names, or ''."""
    returns = docstring.partition("Returns:")[2] or docstring
    found = _DTYPE.search(returns)
    return found.group(1) if found else ""


def says_no_warning(text: FunctionText) -> bool:
    """Whether the release says the function raises no warning."""
    return bool(_NO_WARNING.search(text.docstring) or _NO_WARNING.search(text.before))


def built_on(fn: str, docstring: str, functions: set[str]) -> list[str]:
    """The notebook functions the docstring says ``fn`` is built on ("built on a, b and c"), in
    order; ``scan`` excluded."""
    out: list[str] = []
    for found in _BUILT_ON.finditer(docstring):
        words = re.findall(r"[A-Za-z_]\w*", found.group(1))
        out += [w for w in words if w in functions and w not in (fn, "scan") and w not in out]
    return out


def bases(fn: str, texts: dict[str, FunctionText]) -> dict[str, list[str]]:
    """``fn``'s helpers and, transitively, theirs: ``{name: [what it is built on]}`` from ``fn`` down."""
    out: dict[str, list[str]] = {}
    todo = [fn]
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out[name] = built_on(name, texts[name].docstring if name in texts else "", set(texts))
        todo += out[name]
    return out


CASES = 6
"""The most checks of a function whose inputs the contract runs on (its values check first)."""


def _inputs(builders: tuple, probe_spec: dict, graph: dict, rng) -> dict:
    return {"probe": probe_spec, "cases": [build(rng) for build in builders], "bases": graph}


def clause_checks(
    checks: list[Check],
    release: dict,
    points: dict[str, float],
    settings: dict[str, CheckConfig],
    *,
    default_timeout_s: float,
) -> list[tuple[Check, CheckConfig]]:
    """The contract's checks of an assignment, with their settings.

    Args:
        checks: The assignment's checks (from its check files).
        release: The release notebook (what the student reads).
        points: Points of each clause (``grading.yml``'s ``contract``); a clause without points
            is not checked.
        settings: The settings of ``checks`` by id.
        default_timeout_s: The assignment's check time limit (a clause check runs the probe twice).

    Returns:
        ``(check, settings)`` for each clause check, after its function's values check.
    """
    texts = function_texts(release)
    taken = {c.id for c in checks}
    out = []
    for values in checks:
        fn = values.target
        if not fn or values.id != f"{fn}.values" or not values.reference:
            continue
        text = texts.get(fn, FunctionText("", ""))
        wanted = {
            "unchanged": True,
            "own_result": True,
            "repeatable": True,
            "dtype": bool(named_dtype(text.docstring)),
            "no_warning": says_no_warning(text),
        }
        graph = bases(fn, texts)
        wanted["built_on"] = bool(graph[fn])
        base = settings[values.id]
        timeout = 2 * (base.timeout_s or default_timeout_s)
        spec = values.probe_spec()
        cases = [values] + [c for c in checks if c.target == fn and c is not values and c.probe_spec() == spec]
        builders = tuple(c.inputs for c in cases[:CASES] if c.reference)
        inputs = functools.partial(_inputs, builders, spec, graph)
        for clause in contract.CLAUSES:
            cid = f"{fn}.{clause}"
            if not points.get(clause) or not wanted[clause] or cid in taken:
                continue
            check = Check(
                cid,
                fn,
                values.what,
                inputs,
                probe="autograder.checks.contract:observe",
                verdict=contract.VERDICTS[clause],
                hint=HINTS[clause],
                requires=(values.id,),
                seed_id=f"{fn}.contract",
                shown_inputs=("probe", "bases"),
                expected_shown=True,
            )
            out.append((check, CheckConfig(float(points[clause]), "hidden", base.tol, timeout)))
    return out
