"""Gradient checks: analytic gradients against centred finite differences.

The probe (in the worker) returns ``{"analytic": ..., "numeric": ...}``, both flat float64 arrays;
the verdict here computes the relative error ``max |a - n| / max(floor, |a| + |n|)`` and compares it
with the check's ``rtol`` (``grading.yml``), e.g. 1e-7 for one cell, 1e-5 through time. Centred
differences with ``eps = 1e-6`` carry an absolute error of up to about 1e-9 of the largest entry
(measured on every gradient check of the course, 1,000 seeds each), so a relative error on an
entry near that size is noise: the floor, ``FD_NOISE * max|n| / rtol`` (at least 1e-8), lets an
entry differ by up to :data:`FD_NOISE` of the largest entry, ten times that noise, and no more.
"""

from __future__ import annotations

import numpy as np

from autograder.checks.check import Context
from autograder.checks.compare import Outcome, describe

#: How far an entry may differ from centred differences, as a fraction of the largest numeric entry.
FD_NOISE = 1e-8


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


def gradient_errors(analytic: np.ndarray, numeric: np.ndarray, rtol: float) -> np.ndarray:
    """Per-entry relative errors ``|a - n| / max(floor, |a| + |n|)``, with the floor
    ``FD_NOISE * max|n| / rtol`` (at least 1e-8; see the module's docstring)."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    floor = max(1e-8, FD_NOISE * float(np.max(np.abs(n), initial=0.0)) / rtol)
    return np.abs(a - n) / np.maximum(floor, np.abs(a) + np.abs(n))


def gradients_agree(received, expected, ctx: Context) -> Outcome:
    """Verdict: the student's analytic gradient matches finite differences of their own cost
    (relative error per entry, see :func:`gradient_errors`, at most the check's ``rtol``)."""
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
    if not np.all(np.isfinite(n)):  # NaN compares false with any tolerance: it must never pass
        return Outcome(
            False,
            "values",
            f"{ctx.what}: the gradient it is compared with (finite differences or a tape gradient of your "
            "cost) contains NaN or inf: your cost is not finite on these inputs",
        )
    errors = gradient_errors(a, n, ctx.tol.rtol)
    worst = int(np.argmax(errors)) if errors.size else 0
    if errors.size and errors[worst] > ctx.tol.rtol:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: relative error {errors[worst]:.2g} between your gradient and centred finite differences "
            f"(limit {ctx.tol.rtol:g}); worst entry {worst}: analytic {a[worst]:.6g}, numeric {n[worst]:.6g}",
        )
    return Outcome(True)
