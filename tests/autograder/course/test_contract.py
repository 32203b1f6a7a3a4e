"""The contract's checks are made from what the release says: a dtype named in the docstring, "without
a warning", "built on"; none where a clause has no points or the course defines the check itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.checks.check import Check
from autograder.core.config import CheckConfig
from autograder.course import assignment, contract


def cell(kind, source):
    return {"cell_type": kind, "metadata": {}, "source": source}


RELEASE = {
    "cells": [
        cell("markdown", "If every sequence is padding, the result is nan, without a warning."),
        cell(
            "code",
            'def mean_nll(x):\n    """Mean.\n\n    Returns:\n        a float.\n    """\n    raise NotImplementedError()',
        ),
        cell(
            "code",
            'def ids(text):\n    """Ids.\n\n    Returns:\n        np.int64 array of shape (n,).\n    """\n    raise NotImplementedError()',
        ),
        cell("code", 'def step(h, x):\n    """One step (float32 inputs are cast)."""\n    raise NotImplementedError()'),
        cell(
            "code", 'def layer(x):\n    """All the states, built on scan and step."""\n    raise NotImplementedError()'
        ),
        cell(
            "code",
            'def model(x):\n    """Outputs, built on layer\n    and step (the last layer)."""\n    raise NotImplementedError()',
        ),
        cell("code", "%matplotlib inline\nimport numpy as np"),
    ]
}
ALL = {clause: 1.0 for clause in contract.contract.CLAUSES}


def made(checks, points=ALL):
    settings = {c.id: CheckConfig(1.0, "public") for c in checks}
    return {c.id: (c, s) for c, s in contract.clause_checks(checks, RELEASE, points, settings, default_timeout_s=5)}


def values(fn):
    return Check(f"{fn}.values", fn, f"{fn}(x)")


def test_what_the_release_says_about_each_function():
    texts = contract.function_texts(RELEASE)
    assert set(texts) == {"mean_nll", "ids", "step", "layer", "model"}  # the magic cell is skipped
    assert contract.says_no_warning(texts["mean_nll"]) and not contract.says_no_warning(texts["ids"])
    assert contract.named_dtype(texts["ids"].docstring) == "int64"
    assert contract.named_dtype(texts["mean_nll"].docstring) == ""
    assert contract.built_on("layer", texts["layer"].docstring, set(texts)) == ["step"]  # scan excluded
    assert contract.built_on("model", texts["model"].docstring, set(texts)) == ["layer", "step"]
    assert contract.bases("model", texts) == {"model": ["layer", "step"], "step": [], "layer": ["step"]}


def test_clauses_are_made_where_the_release_states_them():
    checks = [values(f) for f in ("mean_nll", "ids", "layer")] + [Check("ids.unchanged", "ids", "ids(text)")]
    out = made(checks)
    assert set(out) == {
        "mean_nll.unchanged", "mean_nll.own_result", "mean_nll.repeatable", "mean_nll.no_warning",
        "ids.own_result", "ids.repeatable", "ids.dtype",  # ids.unchanged is the course's own
        "layer.unchanged", "layer.own_result", "layer.repeatable", "layer.built_on",
    }  # fmt: skip
    check, settings = out["layer.built_on"]
    assert check.requires == ("layer.values",) and check.seed_id == "layer.contract"
    assert settings.hidden and settings.points == 1.0 and settings.timeout_s == 10
    assert {c.seed_id for c, _ in out.values() if c.target == "ids"} == {"ids.contract"}


def test_a_clause_without_points_is_not_checked():
    out = made([values("ids")], points={**ALL, "dtype": 0, "repeatable": 0})
    assert set(out) == {"ids.unchanged", "ids.own_result"}


def test_only_values_checks_with_a_reference_get_a_contract():
    assert made([Check("ids.hidden", "ids", "ids(text)"), Check("ids.values", "ids", "x", reference=False)]) == {}


@pytest.mark.parametrize("name", ["a7_lstm", "a9_seq2seq"])
def test_a_course_assignment_carries_its_contract(name, root: Path):
    loaded = assignment.load(name, root=root)
    made_here = [c for c in loaded.checks if c.seed_id]
    assert made_here and all(loaded.settings(c).hidden for c in made_here)
    ids = {c.id for c in made_here}
    if name == "a7_lstm":
        assert {"lstm_forward.built_on", "lstm_backward.built_on", "lstm_step.dtype"} <= ids
    else:
        assert {"teacher_forcing.dtype", "beam_search.repeatable"} <= ids
