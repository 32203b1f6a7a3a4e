"""Gradient checks: analytic gradients against centred finite differences.

The probe (in the worker) returns ``{"analytic": ..., "numeric": ...}``, both flat float64 arrays;
the verdict here computes the relative error ``max |a - n| / max(1e-8, |a| + |n|)`` and compares it
with the check's ``rtol`` (``grading.yml``), e.g. 1e-7 for one cell, 1e-5 through time.
"""

from __future__ import annotations

import numpy as np

from autograder.checks.check import Context
from autograder.checks.compare import Outcome, describe, rel_error


def numeric_gradient(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Centred differences of a scalar function ``f`` at ``x`` (float64), same shape as ``x``."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in range(x.size):
        old = x.flat[i]
        x.flat[i] = old + eps
        up = float(f(x))
        x.flat[i] = old - eps
        down = float(f(x))
        x.flat[i] = old
        grad.flat[i] = (up - down) / (2 * eps)
    return grad


def against_differences(loss, base: dict, grads: dict, keys: dict) -> dict:
    """A finite-difference probe's result, for several arguments at once (call it inside a probe).

    Args:
        loss: Scalar function of a dict of arguments like ``base``.
        base: The arguments (float64 arrays) at which to differentiate.
        grads: The analytic gradients (the student's), by key.
        keys: For each argument name of ``base`` differentiated, the key of its gradient in ``grads``.

    Returns:
        ``{"analytic", "numeric"}``, flat and concatenated in the order of ``keys``, for
        :func:`gradients_agree`. Every evaluation of ``loss`` gets fresh copies, so a function that
        edits its inputs cannot change the next evaluation.
    """
    analytic, numeric = [], []
    for name, key in keys.items():
        analytic.append(np.ravel(np.asarray(grads[key], dtype=np.float64)))
        numeric.append(
            np.ravel(
                numeric_gradient(
                    lambda v, name=name: loss({**{k: b.copy() for k, b in base.items()}, name: v.copy()}), base[name]
                )
            )
        )
    return {"analytic": np.concatenate(analytic), "numeric": np.concatenate(numeric)}


def gradients_agree(received, expected, ctx: Context) -> Outcome:
    """Verdict: the student's analytic gradient matches finite differences of their own cost."""
    if not isinstance(received, dict) or set(received) != {"analytic", "numeric"}:
        return Outcome(False, "type", f"{ctx.what}: the gradients could not be collected ({describe(received)})")
    a, n = received["analytic"], received["numeric"]
    if not isinstance(a, np.ndarray) or not isinstance(n, np.ndarray) or a.shape != n.shape:
        shape_a = a.shape if isinstance(a, np.ndarray) else None
        return Outcome(
            False,
            "shape",
            f"{ctx.what}: expected {getattr(n, 'size', '?')} gradient entries in all, received {getattr(a, 'size', '?')} (shape {shape_a})",
        )
    if not np.all(np.isfinite(a)):
        return Outcome(False, "values", f"{ctx.what}: the gradient contains NaN or inf")
    err = rel_error(a, n)
    if err > ctx.tol.rtol:
        worst = int(np.argmax(np.abs(a - n) / np.maximum(1e-8, np.abs(a) + np.abs(n))))
        return Outcome(
            False,
            "values",
            f"{ctx.what}: relative error {err:.2g} between your gradient and centred finite differences "
            f"(limit {ctx.tol.rtol:g}); worst entry {worst}: analytic {a[worst]:.6g}, numeric {n[worst]:.6g}",
        )
    return Outcome(True)
