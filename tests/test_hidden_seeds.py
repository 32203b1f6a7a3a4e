"""The reference passes its self-judging hidden checks on any hidden inputs, not only on the seeds the
examples meet.

A hidden check's seed comes from the submission's code (see ``autograder.grading.prepared.check_seed``),
so every student meets other inputs. A check that judges the student's own consistency
(``reference=False``: gradients against their own finite differences) has no expected value to
agree with by construction: on some inputs it can fail a correct solution. Before the verdict's
noise floor, a9's ``attention_backward.numeric_hidden`` failed the reference on 65 of 300 seeds.
Training checks (``loss_falls``) are left out here: each seed costs a training run.
"""

from __future__ import annotations

import numpy as np
import pytest

from autograder.checks.check import Context, resolve_probe
from autograder.checks.gradcheck import gradients_agree
from autograder.core import config, plaindata
from autograder.course import assignment as assignment_mod
from autograder.grading.reference import reference_namespace
from autograder.sandbox import determinism

SEEDS = 200


def _gradient_checks(root):
    out = []
    for name in config.load(root / "grading.yml"):
        a = assignment_mod.load(name, root=root)
        out += [(name, c.id) for c in a.checks if c.verdict is gradients_agree and a.settings(c).hidden]
    return out


def _cases():
    from conftest import ROOT

    return _gradient_checks(ROOT)


@pytest.mark.parametrize(("name", "check_id"), _cases())
def test_reference_passes_gradient_checks_on_many_hidden_seeds(root, name, check_id):
    a = assignment_mod.load(name, root=root)
    check = next(c for c in a.checks if c.id == check_id)
    settings = a.settings(check)
    reference = reference_namespace(a)
    probe = resolve_probe(check.probe_spec())
    failed = []
    for seed in range(SEEDS):
        determinism.apply(seed)
        inputs = check.inputs(np.random.default_rng(seed))
        determinism.apply(seed)
        received = plaindata.to_plain(probe(reference, check.target, inputs))
        outcome = check.verdict(received, None, Context(check.what, settings.tol, inputs, "numpy.ndarray"))
        if not outcome.passed:
            failed.append((seed, outcome.message))
    assert not failed, f"{check_id}: the reference fails {len(failed)} of {SEEDS} seeds, e.g. {failed[:2]}"


def test_every_assignment_with_a_hidden_gradient_check_is_covered(root):
    assert {name for name, _ in _gradient_checks(root)} >= {"a2_rnn_scan", "a7_lstm", "a9_seq2seq"}
