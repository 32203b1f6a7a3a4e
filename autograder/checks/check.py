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
import importlib
import importlib.util
import inspect
from pathlib import Path
from typing import Any, Callable

import numpy as np

from autograder.checks import compare, modelcompare
from autograder.checks.compare import Outcome
from autograder.core.seeds import stable_seed
from autograder.core.tolerance import Tolerance


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
        return Outcome(
            False,
            "type",
            f"{ctx.what}: expected a numpy array, received a {ctx.received_type} (this exercise is in numpy)",
        )
    return same_value(received, expected, ctx)


def same_model(received, expected, ctx: Context) -> Outcome:
    """Verdict for a Keras model described by :func:`autograder.checks.probes.describe_model`: the same
    layers, sizes and compile arguments as the reference, resolved through Keras (a loss by name
    equals its class, ``TimeDistributed(Dense)`` equals ``Dense``, extra metrics are accepted), and
    the same outputs on a fixed input when the description has them."""
    return modelcompare.compare_models(ctx.what, received, expected, tol=ctx.tol)


def same_model_exact_metrics(received, expected, ctx: Context) -> Outcome:
    """Like :func:`same_model`, for a docstring that forbids metrics beyond the listed ones."""
    return modelcompare.compare_models(ctx.what, received, expected, tol=ctx.tol, extra_metrics=False)


def inputs_kept(received, expected, ctx: Context) -> Outcome:
    """Verdict for :func:`autograder.checks.probes.inputs_unchanged` (``{path: bool}``): every input array
    the reference leaves alone must be unchanged after the student's call too."""
    if not isinstance(received, dict) or not all(isinstance(v, bool) for v in received.values()):
        return Outcome(
            False, "type", f"{ctx.what}: the inputs could not be compared after the call ({compare.describe(received)})"
        )
    wanted = [path for path, same in (expected or {}).items() if same] if isinstance(expected, dict) else list(received)
    changed = [path for path in wanted if received.get(path) is not True]
    if changed:
        return Outcome(
            False,
            "property",
            f"{ctx.what}: expected the inputs to be unchanged after the call, but {', '.join(changed)} "
            f"{'was' if len(changed) == 1 else 'were'} modified in place (compute new arrays instead: "
            "`x = x.copy()` first, or out-of-place operations such as `x - m` rather than `x -= m`)",
        )
    return Outcome(True)


def runs_through(name: str) -> Verdict:
    """Verdict factory for :func:`autograder.checks.probes.scan_calls`: the function must run its
    recurrence through ``name`` (``"scan"`` or ``"tf.scan"``) as often and over as many steps as
    the reference (a docstring that requires scan: a Python loop over time fails)."""

    def verdict(received, expected, ctx: Context) -> Outcome:
        if not isinstance(received, dict) or not isinstance(received.get(name), dict) or not isinstance(expected, dict):
            return Outcome(False, "type", f"{ctx.what}: the calls could not be counted ({compare.describe(received)})")
        got, want = received[name], expected[name]
        if got.get("calls") == want["calls"] and got.get("steps") == want["steps"]:
            return Outcome(True)
        n = got.get("calls")
        received_text = (
            f"{n} call{'s' if n != 1 else ''} over {got.get('steps')} steps"
            if n
            else "no call (a Python loop over time does not count)"
        )
        return Outcome(
            False,
            "property",
            f"{ctx.what}: the docstring requires {name} over the time axis; expected {want['calls']} "
            f"call{'s' if want['calls'] != 1 else ''} of {name} over {want['steps']} steps, received {received_text}",
        )

    verdict.__name__ = f"runs_through_{name.replace('.', '_')}"
    return verdict


def loss_falls(received, expected, ctx: Context) -> Outcome:
    """Training verdict (for a probe that returns the loss of each epoch; no reference value):
    the final loss must be finite and below half the first epoch's loss."""
    if not isinstance(received, np.ndarray) or received.ndim != 1 or received.size < 2:
        return Outcome(False, "type", f"{ctx.what}: expected a loss per epoch, received {compare.describe(received)}")
    first, last = float(received[0]), float(received[-1])
    if not np.isfinite(last) or last > 0.5 * first:
        return Outcome(
            False,
            "property",
            f"{ctx.what}: expected the loss to fall below half its first value ({first:.4g}), received a final loss of {last:.4g}",
        )
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
        seed_id: Seeds the inputs in place of ``id``: checks with the same ``seed_id``, target,
            inputs and probe meet the same inputs, and their probe runs once for all of them
            (the contract's clauses, :mod:`autograder.course.contract`).
        shown_inputs: Keys of the inputs that hold nothing hidden (the contract's probe spec and
            call graph), left out of what the redactor masks.
        expected_shown: The expected value holds nothing hidden (the contract's observation of the
            reference: argument names, dtypes, warnings), so the redactor leaves it out.
    """

    id: str
    target: str
    what: str
    inputs: Callable[[np.random.Generator], dict] = _no_inputs
    probe: Callable | str = "autograder.checks.probes:call"
    verdict: Verdict = same_value
    hint: str = ""
    reference: bool = True
    requires: tuple[str, ...] = ()
    seed_id: str = ""
    shown_inputs: tuple[str, ...] = ()
    expected_shown: bool = False

    @property
    def seed_key(self) -> str:
        """What seeds the check's inputs: ``seed_id``, else ``id``."""
        return self.seed_id or self.id

    def hidden_values(self, inputs: dict, expected) -> list:
        """What of a prepared check a student must not read back: its inputs (but ``shown_inputs``)
        and its expected value (unless ``expected_shown``)."""
        kept = {k: v for k, v in inputs.items() if k not in self.shown_inputs} if isinstance(inputs, dict) else inputs
        return [kept] if self.expected_shown else [kept, expected]

    def probe_spec(self) -> dict:
        """The probe as plain data for the worker: a ``module:function`` reference when it lives in
        the installed package, else its source (course probes, which the worker cannot import)."""
        if isinstance(self.probe, str):
            return {"ref": self.probe}
        module, name = getattr(self.probe, "__module__", "") or "", getattr(self.probe, "__qualname__", "")
        if module.startswith("autograder.") and "." not in name and "<" not in name:
            import importlib

            if getattr(importlib.import_module(module), name, None) is self.probe:
                return {"ref": f"{module}:{name}"}  # by reference into the installed package: no source travels
        return {"source": inspect.getsource(self.probe), "name": self.probe.__name__}


def resolve_probe(spec: dict) -> Callable:
    """The probe a plain-data spec names: ``{"ref": "module:function"}`` is imported,
    ``{"source", "name"}`` is compiled (used by the worker and, for references, the grader)."""
    if "ref" in spec:
        module, _, name = spec["ref"].partition(":")
        return getattr(importlib.import_module(module), name)
    scope: dict = {"__name__": "autograder_probe"}
    exec(compile(spec["source"], f"<probe {spec['name']}>", "exec"), scope)
    return scope[spec["name"]]


def sibling(path: str | Path, module: str):
    """Imports ``module`` from the folder of ``path``, so hidden checks can reuse the public ones' helpers.

    Args:
        path: A file in the folder, usually the calling module's ``__file__``.
        module: The module's name without ``.py``, e.g. ``"public_checks"``.

    Returns:
        The imported module (imported afresh on each call).

    Example:
        >>> pub = sibling(__file__, "public_checks")  # doctest: +SKIP
    """
    folder = Path(path).resolve().parent
    spec = importlib.util.spec_from_file_location(
        f"autograder_sibling_{stable_seed(str(folder), module)}", folder / f"{module}.py"
    )
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded
