"""The contract every graded function keeps, checked by the engine on every function (not per check).

Every graded function leaves its arguments unchanged, returns a result of its own (never an argument
or a view of one), gives the same result when called again on the same arguments (so a function
that takes a seed is deterministic given it), returns exactly the dtype its docstring names, and
raises no warning where the release says so, and calls the functions its docstring says it is
built on. :func:`observe` is the one probe of all those
clauses: it runs the function's values probe twice with the function wrapped, and returns what it
saw as plain data. Each clause's verdict compares what the student's function did with what the
reference did on the same inputs, so a clause binds only where the reference keeps it (a builder
whose weights are random is not asked to repeat itself). :mod:`autograder.course.contract` makes
the clause checks from an assignment's ``<function>.values`` checks and ``grading.yml``.
"""

from __future__ import annotations

import functools
import inspect
import warnings

import numpy as np

from autograder.checks.check import Context, resolve_probe
from autograder.checks.compare import Outcome, describe
from autograder.checks.probes import copy_inputs

CLAUSES = ("unchanged", "own_result", "repeatable", "dtype", "no_warning", "built_on")
"""The clauses, in the order their checks are listed."""

_KEEP = 16  # outer calls whose dtypes are kept (a probe may call the function many times)


def observe(ns: dict, target: str, inputs: dict) -> dict:
    """Runs the function's probe (``inputs["probe"]``) on each of ``inputs["cases"]`` (the inputs of
    its checks that use that probe: its values and its edge cases), then on each again, with
    ``target`` wrapped, and reports what the function's outermost calls did.

    Returns:
        ``{"same_twice": bool | None, "changed": [...], "aliased": [...], "warnings": [...],
        "dtypes": [[[path, dtype], ...], ...], "helper_calls": {name: n}}``: whether the two runs
        gave the same plain result on every case (None when one is not plain data: the second
        pass meets whatever state the whole first pass left), the arguments a call
        modified, the result parts that share memory with an argument, the warnings raised
        (``Category: message``), the dtype of each array of each call's result, and how often
        each function of ``inputs["bases"]`` (the target's helpers and theirs) was called from
        inside the target.
    """

    fn = ns[target]
    graph = inputs.get("bases") or {}
    watch = _Watch(fn, {name: ns[name] for name in graph if callable(ns.get(name)) and name != target})
    probe = resolve_probe(inputs["probe"])
    ns[target] = watch.observed
    ns.update({name: watch.counted(name) for name in watch.helpers})
    cases = list(inputs["cases"])
    try:
        first = [_attempt(probe, ns, target, case) for case in cases]
        ran = [i for i, result in enumerate(first) if result is not _FAILED]
        if cases and not ran:  # the function fails every case: that is its checks' business, not the contract's
            raise first_error(probe, ns, target, cases[0])
        second = [_attempt(probe, ns, target, cases[i]) for i in ran]
    finally:
        ns[target] = fn
        ns.update(watch.helpers)
    before = [first[i] for i in ran]
    same = None if None in before else before == second  # None: not plain data, nothing to compare
    return {
        "same_twice": same,
        "changed": sorted(watch.changed),
        "aliased": sorted(watch.aliased),
        "warnings": sorted(watch.warned),
        "dtypes": watch.dtypes,
        "helper_calls": watch.helper_calls,
        "bases": {str(k): [str(b) for b in v] for k, v in graph.items()},
        "target": target,
    }


class _Watch:
    """Wraps the function under test and its helpers: what its outermost calls did to their
    arguments and result, the warnings they raised, and the helpers called inside them."""

    def __init__(self, fn, helpers: dict):
        self.fn, self.helpers = fn, helpers
        self.changed: set[str] = set()
        self.aliased: set[str] = set()
        self.warned: set[str] = set()
        self.dtypes: list = []
        self.helper_calls = dict.fromkeys(helpers, 0)
        self.depth = 0

        @functools.wraps(fn)
        def observed(*args, **kwargs):
            return self._call(*args, **kwargs)

        self.observed = observed

    def counted(self, name: str):
        """``helpers[name]`` wrapped in a counter of the calls made inside the function."""
        helper = self.helpers[name]

        @functools.wraps(helper)
        def wrapper(*args, **kwargs):
            if self.depth:
                self.helper_calls[name] += 1
            return helper(*args, **kwargs)

        return wrapper

    def _call(self, *args, **kwargs):
        if self.depth:  # a call from inside the function (recursion): not the contract's
            return self.fn(*args, **kwargs)
        arguments = _named(self.fn, args, kwargs)
        before = copy_inputs(arguments)
        self.depth += 1
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = self.fn(*args, **kwargs)
        finally:
            self.depth -= 1
        self.changed.update(_changed(before, arguments, ""))
        self.aliased.update(_aliased(result, arguments))
        self.warned.update(f"{w.category.__name__}: {str(w.message)[:160]}" for w in caught)
        if len(self.dtypes) < _KEEP:
            self.dtypes.append([list(pair) for pair in _dtypes(result, "result")])
        return result


_FAILED = object()


def _attempt(probe, ns: dict, target: str, case: dict):
    """The probe's result on a copy of ``case`` as plain-data bytes taken at once (a later call may
    change an object the result holds), None when it is not plain data, or ``_FAILED`` when it
    raised (a case the function gets wrong is its own check's failure: the contract looks at the
    cases it runs)."""
    from autograder.core import plaindata

    try:
        result = probe(ns, target, copy_inputs(case))
    except Exception:
        return _FAILED
    try:
        return plaindata.dumps(plaindata.to_plain(result))
    except Exception:
        return None


def first_error(probe, ns: dict, target: str, case: dict) -> BaseException:
    """The exception the probe raises on ``case`` (run again, to report it as the check's error)."""
    try:
        probe(ns, target, copy_inputs(case))
    except Exception as err:
        return err
    return RuntimeError(f"{target} failed on every input of the contract")


def _named(fn, args: tuple, kwargs: dict) -> dict:
    """The call's arguments by parameter name (``args[i]`` where the signature cannot say)."""
    try:
        bound = inspect.signature(fn).bind(*args, **kwargs)
        return dict(bound.arguments)
    except (TypeError, ValueError):
        return {**{f"args[{i}]": a for i, a in enumerate(args)}, **kwargs}


def _changed(before, after, path: str):
    """Paths of ``after`` that differ from the copy ``before`` (arrays, lists, dicts, scalars)."""
    if isinstance(before, np.ndarray):
        same = (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc")
        )
        if not same:
            yield path
    elif isinstance(before, dict):
        if not isinstance(after, dict) or set(before) != set(after):
            yield path
            return
        for key, value in before.items():
            yield from _changed(value, after[key], f"{path}[{key!r}]" if path else str(key))
    elif isinstance(before, (list, tuple)):
        if not isinstance(after, (list, tuple)) or len(before) != len(after):
            yield path
            return
        for i, (b, a) in enumerate(zip(before, after)):
            yield from _changed(b, a, f"{path}[{i}]")
    elif isinstance(before, (str, bytes, int, float, bool, np.generic)) and before is not after:
        try:
            if bool(before != after):
                yield path
        except Exception:
            yield path


def _leaves(value, path: str, seen=None):
    """``(path, value)`` of every array, list and dict inside ``value`` (containers included)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    if isinstance(value, np.ndarray):
        yield path, value
    elif isinstance(value, dict):
        seen.add(id(value))
        yield path, value
        for key, item in value.items():
            yield from _leaves(item, f"{path}[{key!r}]" if path else str(key), seen)
    elif isinstance(value, (list, tuple)):
        seen.add(id(value))
        if isinstance(value, list):
            yield path, value
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]", seen)


def _aliased(result, arguments: dict):
    """``"<result part> is/shares memory with <argument>"`` for each part of the result that is
    an argument (a list or dict returned as given) or an array sharing memory with one."""
    held = list(_leaves(arguments, ""))
    for rpath, part in _leaves(result, "result"):
        for apath, arg in held:
            if isinstance(part, np.ndarray) and isinstance(arg, np.ndarray):
                if part.size and arg.size and np.may_share_memory(part, arg):
                    try:
                        shared = np.shares_memory(part, arg, max_work=10_000)
                    except np.exceptions.TooHardError:
                        shared = True
                    if shared:
                        yield f"{rpath} shares memory with {apath}"
            elif part is arg and not isinstance(part, np.ndarray):
                yield f"{rpath} is {apath}"


def _dtypes(value, path: str):
    """``(path, dtype)`` of every numpy or TensorFlow array in a result."""
    if isinstance(value, np.ndarray):
        yield path, str(value.dtype)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _dtypes(item, f"{path}[{key!r}]")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _dtypes(item, f"{path}[{i}]")
    elif type(value).__module__.startswith("tensorflow") and hasattr(value, "dtype"):
        yield path, str(getattr(value.dtype, "name", value.dtype))


# --- verdicts: each clause, where the reference keeps it ---


def _observation(value) -> dict | None:
    keys = {"same_twice", "changed", "aliased", "warnings", "dtypes"}
    if not isinstance(value, dict) or not keys <= set(value):
        return None
    if not all(isinstance(value[k], list) for k in keys - {"same_twice"}):
        return None
    return value


def _unreadable(ctx: Context, received) -> Outcome:
    return Outcome(False, "type", f"{ctx.what}: the calls could not be observed ({describe(received)})")


def _clause(judge):
    """A clause's verdict from ``judge(got, want, ctx)`` on the two observations read back (an
    unreadable one from the student's worker is a type failure, never a crash)."""

    @functools.wraps(judge)
    def verdict(received, expected, ctx: Context) -> Outcome:
        got = _observation(received)
        if got is None:
            return _unreadable(ctx, received)
        return judge(got, _observation(expected) or {}, ctx)

    return verdict


def _new(received: dict, expected: dict, key: str) -> list[str]:
    return [str(x) for x in received[key] if x not in expected.get(key, [])]


@_clause
def unchanged(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict: no argument modified that the reference leaves alone."""
    changed = _new(got, want, "changed")
    if changed:
        return Outcome(
            False,
            "contract",
            f"{ctx.what}: expected the arguments to be unchanged after the call, but {', '.join(changed)} "
            f"{'was' if len(changed) == 1 else 'were'} modified in place",
        )
    return Outcome(True)


@_clause
def own_result(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict: no part of the result is, or shares memory with, an argument (where the
    reference's result has one of its own)."""
    aliased = _new(got, want, "aliased")
    if aliased:
        return Outcome(
            False,
            "contract",
            f"{ctx.what}: expected a result of its own, but {'; '.join(aliased)} (a later change to one "
            "changes the other: return a new array, e.g. `x.copy()`)",
        )
    return Outcome(True)


@_clause
def repeatable(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict: a second call on the same arguments gives the same result (where the
    reference's does)."""
    if want.get("same_twice") is True and got["same_twice"] is not True:
        return Outcome(
            False,
            "contract",
            f"{ctx.what}: expected the same result when called again on the same arguments, received a "
            "different one (state kept between calls, or randomness not drawn from the arguments' seed)",
        )
    return Outcome(True)


@_clause
def dtype(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict (made where the docstring names a dtype): each array of the result has the
    reference's dtype exactly."""
    for mine, theirs in zip(got["dtypes"], want.get("dtypes", [])):
        if not isinstance(mine, list):
            return _unreadable(ctx, got)
        kinds = {str(p[0]): str(p[1]) for p in mine if isinstance(p, list) and len(p) == 2}
        for path, kind in theirs:
            if kinds.get(path) != kind:
                return Outcome(
                    False,
                    "dtype",
                    f"{ctx.what}: expected {path} of dtype {kind}, as the docstring says, received "
                    f"{kinds.get(path, 'no array')}",
                )
    return Outcome(True)


@_clause
def no_warning(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict (made where the release says "without a warning"): no warning the
    reference does not raise."""
    ours = {str(w).partition(":")[0] for w in want.get("warnings", [])}
    raised = [str(w) for w in got["warnings"] if str(w).partition(":")[0] not in ours]
    if raised:
        return Outcome(False, "contract", f"{ctx.what}: expected no warning, received {raised[0]}")
    return Outcome(True)


def _used(name: str, calls: dict, graph: dict, seen: frozenset = frozenset()) -> bool:
    """Whether ``name`` was called, or else every function it is built on was used in turn."""
    if calls.get(name):
        return True
    below = graph.get(name) or []
    return bool(below) and name not in seen and all(_used(b, calls, graph, seen | {name}) for b in below)


@_clause
def built_on(got: dict, want: dict, ctx: Context) -> Outcome:
    """Clause verdict (made where the docstring says "built on" notebook functions): each of them
    that the reference uses is called, or else every function it is built on in turn."""
    if not isinstance(got.get("helper_calls"), dict) or not isinstance(want.get("bases"), dict):
        return _unreadable(ctx, got)
    graph, calls = want["bases"], want.get("helper_calls") or {}
    target = str(want.get("target", ""))
    named = [h for h in graph.get(target, []) if _used(h, calls, graph)]
    unused = [h for h in named if not _used(h, got["helper_calls"], graph)]
    if unused:
        return Outcome(
            False,
            "structure",
            f"{ctx.what}: the docstring says it is built on {', '.join(graph[target])}; expected calls of "
            f"{' and '.join(unused)}, received none (the function computes {'it' if len(unused) == 1 else 'them'} "
            "another way)",
        )
    return Outcome(True)


VERDICTS = {
    "unchanged": unchanged,
    "own_result": own_result,
    "repeatable": repeatable,
    "dtype": dtype,
    "no_warning": no_warning,
    "built_on": built_on,
}
"""Each clause's verdict."""
