"""Checks as data: what to feed a graded function, how to probe it, how to judge what comes back.

A check's ``inputs`` builds plain data from a seeded generator (in the grader). Its ``probe`` runs
in the student's worker and, identically, on the reference solution in the grader; it returns plain
data. Its ``verdict`` compares the two in the grader. Points, visibility and tolerances come from
``grading.yml``.

Probes are either a ``"module:function"`` reference into the installed autograder package, or a
self-contained top-level function (its source is sent to the worker, so it must import what it
uses inside its body) with the signature ``probe(namespace, target, inputs) -> plain data``.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, Callable

import numpy as np

from autograder import compare, modelcompare
from autograder.compare import Outcome
from autograder.tolerance import Tolerance


@dataclasses.dataclass(frozen=True)
class Context:
    """What a verdict may use besides the two values.

    Attributes:
        what: How to name the value in messages, e.g. ``"sigmoid(z) on a (6, 5) array"``.
        tol: The check's tolerance.
        inputs: The inputs the check used.
        received_type: ``module.Class`` of the value the student's function returned.
    """

    what: str
    tol: Tolerance
    inputs: dict
    received_type: str


Verdict = Callable[[Any, Any, Context], Outcome]


def same_value(received, expected, ctx: Context) -> Outcome:
    """The default verdict: type, shape, dtype, then values of any plain value."""
    return compare.compare_values(ctx.what, received, expected, tol=ctx.tol)


def same_numpy_value(received, expected, ctx: Context) -> Outcome:
    """Like :func:`same_value`, but the student's function must return numpy, not TensorFlow, values."""
    if ctx.received_type.startswith("tensorflow"):
        return Outcome(False, "type", f"{ctx.what}: expected a numpy array, received a {ctx.received_type} (this exercise is in numpy)")
    return same_value(received, expected, ctx)


def same_model(received, expected, ctx: Context) -> Outcome:
    """Verdict for a Keras model described by :func:`autograder.probes.describe_model`: the same
    layers, sizes and compile arguments as the reference, resolved through Keras (a loss by name
    equals its class, ``TimeDistributed(Dense)`` equals ``Dense``, extra metrics are accepted), and
    the same outputs on a fixed input when the description has them."""
    return modelcompare.compare_models(ctx.what, received, expected, tol=ctx.tol)


def same_model_exact_metrics(received, expected, ctx: Context) -> Outcome:
    """Like :func:`same_model`, for a docstring that forbids metrics beyond the listed ones."""
    return modelcompare.compare_models(ctx.what, received, expected, tol=ctx.tol, extra_metrics=False)


def loss_falls(received, expected, ctx: Context) -> Outcome:
    """Training verdict (for a probe that returns the loss of each epoch; no reference value):
    the final loss must be finite and below half the first epoch's loss."""
    if not isinstance(received, np.ndarray) or received.ndim != 1 or received.size < 2:
        return Outcome(False, "type", f"{ctx.what}: expected a loss per epoch, received {compare.describe(received)}")
    first, last = float(received[0]), float(received[-1])
    if not np.isfinite(last) or last > 0.5 * first:
        return Outcome(False, "property", f"{ctx.what}: expected the loss to fall below half its first value ({first:.4g}), received a final loss of {last:.4g}")
    return Outcome(True)


def _no_inputs(rng: np.random.Generator) -> dict:
    return {}


@dataclasses.dataclass(frozen=True)
class Check:
    """One graded check.

    Attributes:
        id: Unique within the assignment, ``<function>.<aspect>``, e.g. ``sigmoid.values``.
        target: The graded function (or class) the student defines.
        what: The value under test, named for messages: ``"sigmoid(z) for z of shape (6, 5)"``.
        inputs: Builds the inputs (plain data) from a seeded generator.
        probe: Runs the target in the worker; by default calls it with the inputs as keywords.
        verdict: Compares received with expected; by default :func:`same_value`.
        hint: An actionable hint shown with a failure (also for hidden checks).
        reference: Whether the expected value comes from running the probe on the reference;
            if False, the verdict gets ``None`` as expected (self-judging checks, e.g. gradients).
        requires: Ids of checks that must pass for this one to earn its points (a side property
            such as "the input is not modified" counts only when the function's values are right).
    """

    id: str
    target: str
    what: str
    inputs: Callable[[np.random.Generator], dict] = _no_inputs
    probe: Callable | str = "autograder.probes:call"
    verdict: Verdict = same_value
    hint: str = ""
    reference: bool = True
    requires: tuple[str, ...] = ()

    def probe_spec(self) -> dict:
        """The probe as plain data for the worker."""
        if isinstance(self.probe, str):
            return {"ref": self.probe}
        return {"source": inspect.getsource(self.probe), "name": self.probe.__name__}


def resolve_probe(spec: dict) -> Callable:
    """Loads a probe from its plain-data spec (used by the worker and, for references, the grader)."""
    from autograder.worker import load_probe

    return load_probe(spec)
