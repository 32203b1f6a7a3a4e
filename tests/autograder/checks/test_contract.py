"""The contract's probe and verdicts on real functions: each clause fails the function that breaks it,
passes the one that keeps it, and binds only where the reference keeps it."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from autograder.checks import contract
from autograder.checks.check import Context
from autograder.core import plaindata
from autograder.core.tolerance import Tolerance

CTX = Context("f(x) on a (3, 2) array", Tolerance(), {}, "")
CALL = {"ref": "autograder.checks.probes:call"}


def observed(fn, inputs=None, *, bases=None, ns=None):
    """What observe returns for ``fn`` (as plain data, as the grader receives it)."""
    ns = {} if ns is None else ns  # the functions' own globals: helpers are looked up there
    ns["f"] = fn
    inputs = {"x": np.arange(6.0).reshape(3, 2)} if inputs is None else inputs
    raw = contract.observe(ns, "f", {"probe": CALL, "cases": [inputs], "bases": bases or {}})
    assert ns["f"] is fn  # the wrapper is taken away again
    return plaindata.loads(plaindata.dumps(plaindata.to_plain(raw)))


def right(x):
    return x * 2.0


def verdict(clause, fn, reference=right, **kw):
    return contract.VERDICTS[clause](observed(fn, **kw), observed(reference, **kw), CTX)


def test_the_reference_keeps_every_clause():
    for clause in contract.CLAUSES:
        assert verdict(clause, right).passed, clause


def test_an_in_place_edit_is_named():
    def doubles_in_place(x):
        x *= 2.0
        return x

    out = verdict("unchanged", doubles_in_place)
    assert not out.passed and out.category == "contract" and "x was modified in place" in out.message


def test_returning_the_argument_or_a_view_of_it_breaks_own_result():
    out = verdict("own_result", lambda x: x)
    assert not out.passed and "result shares memory with x" in out.message
    out = verdict("own_result", lambda x: x[::-1])
    assert not out.passed and "shares memory with x" in out.message
    assert verdict("own_result", lambda x: x[::-1].copy()).passed
    out = verdict("own_result", lambda items: items, inputs={"items": [1, 2]}, reference=lambda items: list(items))
    assert not out.passed and "result is items" in out.message


def test_own_result_binds_only_where_the_reference_has_a_result_of_its_own():
    def same_model(model):
        return model

    assert verdict("own_result", same_model, reference=same_model, inputs={"model": [1.0]}).passed


def test_state_kept_between_calls_breaks_repeatable():
    calls = []

    def counts(x):
        calls.append(1)
        return x * len(calls)

    out = verdict("repeatable", counts)
    assert not out.passed and "same result when called again" in out.message


def test_repeatable_binds_only_where_the_reference_repeats_itself():
    rng = np.random.default_rng(0)

    def random_init(x):
        return rng.normal(size=x.shape)

    assert verdict("repeatable", random_init, reference=random_init).passed


def test_global_randomness_is_not_deterministic_given_the_seed():
    def seeded(x, seed):
        return np.random.default_rng(seed).normal(size=x.shape)

    def global_rng(x, seed):
        return np.random.normal(size=x.shape)

    inputs = {"x": np.zeros(3), "seed": 4}
    out = verdict("repeatable", global_rng, reference=seeded, inputs=inputs)
    assert not out.passed


@pytest.mark.parametrize("kind", ["int32", "float32"])
def test_another_dtype_than_the_reference_breaks_dtype(kind):
    def as_kind(x):
        return (x * 2).astype(kind)

    def as_wider(x):
        return (x * 2).astype(kind.replace("32", "64"))

    out = verdict("dtype", as_kind, reference=as_wider)
    assert not out.passed and f"of dtype {kind.replace('32', '64')}" in out.message and kind in out.message
    assert verdict("dtype", as_wider, reference=as_wider).passed


def test_a_warning_the_reference_does_not_raise_breaks_no_warning():
    def mean_of_nothing(x):
        return float(np.mean(x[:0]))

    def nan_quietly(x):
        return float("nan")

    before = list(warnings.filters)
    out = verdict("no_warning", mean_of_nothing, reference=nan_quietly)
    assert not out.passed and "RuntimeWarning" in out.message
    assert warnings.filters == before  # observe leaves the filters as it found them
    assert verdict("no_warning", nan_quietly, reference=nan_quietly).passed


def test_built_on_counts_the_helpers_and_what_they_are_built_on():
    def step(h, x):
        return np.tanh(h + x)

    def layer(x):  # built on step
        h, out = np.zeros(2), []
        for row in x:
            h = ns["step"](h, row)
            out.append(h)
        return np.stack(out)

    def inline(x):
        h, out = np.zeros(2), []
        for row in x:
            h = np.tanh(h + row)
            out.append(h)
        return np.stack(out)

    ns = {"step": step, "layer": layer}

    def by_layer(x):  # built on layer, which is built on step
        return ns["layer"](x) * 1.0

    def by_step(x):  # calls step directly: layer is used through what it is built on
        h, out = np.zeros(2), []
        for row in x:
            h = ns["step"](h, row)
            out.append(h)
        return np.stack(out)

    graph = {"f": ["layer"], "layer": ["step"], "step": []}
    want = observed(by_layer, bases=graph, ns=ns)
    assert want["helper_calls"] == {"layer": 2, "step": 6}  # three rows, two runs
    assert contract.built_on(observed(by_step, bases=graph, ns=ns), want, CTX).passed
    out = contract.built_on(observed(inline, bases=graph, ns=ns), want, CTX)
    assert not out.passed and out.category == "structure" and "built on layer" in out.message
    assert ns["step"] is step and ns["layer"] is layer


def test_a_forged_observation_is_a_type_failure_not_a_crash():
    for forged in (None, [], {"same_twice": True}, {"same_twice": 1, "changed": "x"}):
        for clause in contract.CLAUSES:
            out = contract.VERDICTS[clause](forged, observed(right), CTX)
            assert not out.passed and out.category == "type", clause


def test_state_that_only_a_later_case_leaves_breaks_repeatable():
    """A mutable default gives the same answer twice on the same words, but not after other words:
    the second pass runs every case again after the whole first pass."""

    def vocab(words, _seen={}):  # noqa: B006 - the mistake under test
        for w in words:
            _seen.setdefault(w, len(_seen))
        return dict(_seen)

    def fresh(words):
        out = {}
        for w in words:
            out.setdefault(w, len(out))
        return out

    cases = [{"words": ["a", "b"]}, {"words": ["c"]}]

    def observe(fn):
        raw = contract.observe({"f": fn}, "f", {"probe": CALL, "cases": cases, "bases": {}})
        return plaindata.loads(plaindata.dumps(plaindata.to_plain(raw)))

    assert not contract.repeatable(observe(vocab), observe(fresh), CTX).passed
    assert contract.repeatable(observe(fresh), observe(fresh), CTX).passed


def test_a_result_that_a_later_call_changes_is_compared_as_it_was_returned():
    """A mutable default returned as the result grows on the next call: both results are the same
    list object by then, so each is taken as plain data at once."""

    def collect(x, out=[]):  # noqa: B006 - the mistake under test
        out.append(float(x.sum()))
        return out

    def fresh(x):
        return [float(x.sum())]

    assert not contract.repeatable(observed(collect), observed(fresh), CTX).passed
