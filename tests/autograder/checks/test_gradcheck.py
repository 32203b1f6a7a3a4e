"""The finite-difference verdict (autograder.checks.gradcheck): noise on tiny entries is not a mistake,
a wrong entry of any size above the noise is."""

import numpy as np
import pytest

from autograder.checks.check import Context
from autograder.checks.compare import rel_error
from autograder.checks.gradcheck import FD_NOISE, against_differences, gradient_errors, gradients_agree
from autograder.core.tolerance import Tolerance

# Entries from 3 down to 3e-7 of the largest: the gradient of sum(SCALES * sin(x)) + a large constant
# part, so that centred differences carry the round-off of a loss of size about 40.
SCALES = np.array([3.0, 1.0, 0.2, 3e-2, 4e-3, 5e-4, 6e-5, 7e-6, 8e-7, 1e-6])


def _loss(q):
    x = q["x"]
    return float(np.sum(SCALES * np.sin(x)) + 40.0 + 1e-3 * np.sum(x))


def _probe(x, grad):
    return against_differences(_loss, {"x": x}, {"dx": grad}, {"x": "dx"})


def _verdict(received, rtol=1e-6):
    return gradients_agree(received, None, Context("dloss/dx", Tolerance(rtol, 1e-9), {}, "numpy.ndarray"))


def _true_grad(x):
    return SCALES * np.cos(x) + 1e-3


@pytest.mark.parametrize("seed", range(20))
def test_a_right_gradient_passes_where_tiny_entries_carry_round_off(seed):
    x = np.random.default_rng(seed).uniform(-3, 3, size=SCALES.size)
    received = _probe(x, _true_grad(x))
    assert _verdict(received).passed, _verdict(received).message


def test_the_plain_per_entry_error_would_fail_some_right_gradients():
    """What the floor is for: the same right gradients, measured entry by entry against their own size."""
    worst = 0.0
    for seed in range(20):
        x = np.random.default_rng(seed).uniform(-3, 3, size=SCALES.size)
        received = _probe(x, _true_grad(x))
        worst = max(worst, rel_error(received["analytic"], received["numeric"]))
    assert worst > 1e-6


@pytest.mark.parametrize(
    "mistake",
    [
        pytest.param(lambda g: 2 * g, id="factor-2"),
        pytest.param(lambda g: -g, id="sign"),
        pytest.param(lambda g: np.where(np.arange(g.size) == 3, 1.1 * g, g), id="10%-off-at-1e-2-of-the-largest"),
        pytest.param(lambda g: np.where(np.arange(g.size) == 6, -g, g), id="sign-at-2e-5-of-the-largest"),
        pytest.param(lambda g: g + 1e-7 * np.max(np.abs(g)), id="shifted-by-1e-7-of-the-largest"),
    ],
)
def test_a_wrong_entry_above_the_noise_fails_whatever_its_size(mistake):
    x = np.random.default_rng(0).uniform(-3, 3, size=SCALES.size)
    outcome = _verdict(_probe(x, mistake(_true_grad(x))))
    assert not outcome.passed and outcome.category == "values"
    assert (
        "relative error" in outcome.message
        and "between your gradient and centred finite differences" in outcome.message
    )


def test_the_floor_scales_with_the_tolerance():
    """An entry may differ by FD_NOISE of the largest entry whatever the check's rtol, and not by ten times it."""
    numeric = np.array([1.0, 1e-6])
    for rtol in (1e-7, 1e-6, 1e-5):
        assert gradient_errors(numeric + [0.0, 0.9 * FD_NOISE], numeric, rtol).max() <= rtol
        assert gradient_errors(numeric + [0.0, 10 * FD_NOISE], numeric, rtol).max() > rtol


def test_nan_shape_and_type_are_reported():
    assert _verdict({"analytic": np.array([np.nan]), "numeric": np.array([1.0])}).message.endswith("NaN or inf")
    assert _verdict({"analytic": np.zeros(2), "numeric": np.zeros(3)}).category == "shape"
    assert _verdict([1.0]).category == "type"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_non_finite_gradient_to_compare_with_never_passes(bad):
    """NaN > rtol is False: without its own test a NaN tape or finite-difference gradient passed."""
    outcome = _verdict({"analytic": np.array([1.0, 2.0]), "numeric": np.array([1.0, bad])})
    assert not outcome.passed and "your cost is not finite" in outcome.message
