"""The check library: everything a course's check modules use, in one place.

``solutions/NAME/public_checks.py`` and ``hidden_checks.py`` import from here and nowhere else in
the package, so this face is the stable API for check authors (``docs/authoring.md`` explains it).

- :class:`Check` declares one check: its target, inputs, probe, verdict and hint.
- Verdicts compare what the student's function returned with the reference, in the grader:
  :func:`same_value`, :func:`same_numpy_value`, :func:`same_model`, :func:`inputs_kept`,
  :func:`runs_through`, :func:`loss_falls`, :func:`gradients_agree`, :func:`same_model_exact_metrics`;
  a verdict is called with the two values and a :class:`Context`, returns an :class:`Outcome`, and
  may use :func:`compare_values`, :func:`compare_arrays` and :func:`describe`.
- Probes run in the student's worker and return plain data: :func:`inputs_unchanged`,
  :func:`arguments_unchanged`, :func:`build_and_describe`, :func:`scan_calls`; helpers for probes
  written by a course: :func:`copy_inputs`, :func:`describe_model`, :func:`char_lm`, :func:`epoch_losses`, :func:`evaluated_loss`,
  :func:`against_differences`, :func:`numeric_gradient`.
- Inputs: :func:`periodic_sequences` (sequences a tiny model can learn in a few steps) and
  :func:`float32_exact` (weights a float32 Keras layer and float64 numpy code hold alike).
- Checks written as pytest tests use :func:`assert_values`, :func:`assert_shape`,
  :func:`assert_dtype` and :func:`assert_gradient`.
- Checks most assignments need, made once: :func:`unchanged_check` (an argument left as it was) and
  :func:`fit_inputs` with the probe :func:`fit_losses` (a short training run whose loss must fall).
- :func:`sibling` imports a neighbouring check module (hidden checks reuse public helpers).
"""

from autograder.checks.check import (
    Check,
    Context,
    Verdict,
    inputs_kept,
    loss_falls,
    runs_through,
    same_model,
    same_model_exact_metrics,
    same_numpy_value,
    same_value,
    sibling,
)
from autograder.checks.common import fit_inputs, unchanged_check
from autograder.checks.compare import Outcome, compare_arrays, compare_values, describe
from autograder.checks.gradcheck import against_differences, gradients_agree, numeric_gradient
from autograder.checks.inputs import float32_exact, periodic_sequences
from autograder.checks.probes import (
    arguments_unchanged,
    build_and_describe,
    char_lm,
    copy_inputs,
    describe_model,
    epoch_losses,
    evaluated_loss,
    fit_losses,
    inputs_unchanged,
    scan_calls,
)
from autograder.checks.testing import assert_dtype, assert_gradient, assert_shape, assert_values

__all__ = [
    "Check",
    "Context",
    "Outcome",
    "Verdict",
    "against_differences",
    "arguments_unchanged",
    "assert_dtype",
    "assert_gradient",
    "assert_shape",
    "assert_values",
    "build_and_describe",
    "char_lm",
    "compare_arrays",
    "compare_values",
    "copy_inputs",
    "describe",
    "describe_model",
    "epoch_losses",
    "evaluated_loss",
    "fit_inputs",
    "fit_losses",
    "float32_exact",
    "gradients_agree",
    "inputs_kept",
    "inputs_unchanged",
    "loss_falls",
    "numeric_gradient",
    "periodic_sequences",
    "runs_through",
    "same_model",
    "same_model_exact_metrics",
    "same_numpy_value",
    "same_value",
    "scan_calls",
    "sibling",
    "unchanged_check",
]
