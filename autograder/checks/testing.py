"""Assertion helpers for checks written as pytest tests (see :mod:`autograder.grading.testchecks`).

Each compares plain data in the grader with :mod:`autograder.checks.compare` and, on a mismatch, raises
:class:`CheckAssertion` whose message says what was checked, expected and received, and whose
``category`` (``shape``, ``dtype``, ``values``, ...) ends up in the check's result.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from autograder.checks import compare, gradcheck
from autograder.checks.compare import Outcome
from autograder.core.tolerance import Tolerance


class CheckAssertion(AssertionError):
    """A failed comparison; ``category`` says what kind of difference it was."""

    def __init__(self, outcome: Outcome):
        super().__init__(outcome.message)
        self.category = outcome.category


def expect(outcome: Outcome) -> None:
    """Raises :class:`CheckAssertion` unless the outcome passed."""
    if not outcome.passed:
        raise CheckAssertion(outcome)


def assert_shape(what: str, value, shape: tuple) -> None:
    """``value`` is a numpy array of exactly ``shape``."""
    if type(value) is not np.ndarray:
        expect(
            Outcome(
                False, "type", f"{what}: expected an array of shape {tuple(shape)}, received {compare.describe(value)}"
            )
        )
    if value.shape != tuple(shape):
        expect(Outcome(False, "shape", f"{what}: expected shape {tuple(shape)}, received {value.shape}"))


def assert_dtype(what: str, value, dtype) -> None:
    """``value`` is a numpy array (or 0-d array) of exactly ``dtype``."""
    if type(value) is not np.ndarray:
        expect(
            Outcome(
                False,
                "type",
                f"{what}: expected an array of dtype {np.dtype(dtype)}, received {compare.describe(value)}",
            )
        )
    if value.dtype != np.dtype(dtype):
        expect(Outcome(False, "dtype", f"{what}: expected dtype {np.dtype(dtype)}, received {value.dtype}"))


def assert_values(what: str, received, expected, *, tol: Tolerance = Tolerance(), dtype: str = "kind") -> None:
    """``received`` equals ``expected`` (any plain data: type, shape, dtype, then values within ``tol``)."""
    expect(compare.compare_values(what, received, expected, tol=tol, dtype=dtype))


def assert_gradient(
    what: str, f: Callable[[np.ndarray], float], x, grad, *, rtol: float = 1e-5, eps: float = 1e-6
) -> None:
    """``grad`` matches centred finite differences of the scalar function ``f`` (run here) at ``x``
    (per-entry relative error as :func:`autograder.checks.gradcheck.gradient_errors` measures it)."""
    x = np.asarray(x, dtype=np.float64)
    if type(grad) is not np.ndarray or grad.shape != x.shape:
        expect(
            Outcome(
                False, "shape", f"{what}: expected a gradient of shape {x.shape}, received {compare.describe(grad)}"
            )
        )
    numeric = gradcheck.numeric_gradient(f, x, eps)
    if not np.all(np.isfinite(grad)):
        expect(Outcome(False, "values", f"{what}: the gradient contains NaN or inf"))
    errors = gradcheck.gradient_errors(grad, numeric, rtol)
    worst = int(np.argmax(errors)) if errors.size else 0
    err = float(errors.flat[worst]) if errors.size else 0.0
    if err > rtol:
        expect(
            Outcome(
                False,
                "values",
                f"{what}: relative error {err:.2g} against centred finite differences (limit {rtol:g}); "
                f"worst entry {worst}: received {grad.flat[worst]:.6g}, numeric {numeric.flat[worst]:.6g}",
            )
        )
