"""Checks that assignments write the same way, made once: an argument-unchanged check, and the
inputs of a training check (whose probe is :func:`autograder.checks.probes.fit_losses`).
"""

from __future__ import annotations

from collections.abc import Callable

from autograder.checks.check import Check, inputs_kept
from autograder.checks.probes import inputs_unchanged

NO_EDIT = "do not modify the arguments in place (no `x[...] = ...`, `+=`, `out=`): compute and return new arrays"


def unchanged_check(
    fn: str,
    inputs: Callable,
    what: str,
    *,
    after: str = "values",
    probe: Callable = inputs_unchanged,
    hint: str = NO_EDIT,
) -> Check:
    """A hidden check that ``fn`` leaves its arguments as they were (``<fn>.unchanged``); it counts only
    when ``<fn>.<after>`` passes, so a function that returns garbage earns nothing for it.

    Args:
        fn: The graded function.
        inputs: The inputs builder (``rng -> dict``).
        what: What the call is, for messages (``"h_prev, x"``).
        after: The check of ``fn`` whose pass this one requires.
        probe: :func:`autograder.checks.probes.inputs_unchanged` (arrays), or
            :func:`autograder.checks.probes.arguments_unchanged` (lists and strings too).
        hint: What the student is told.
    """
    return Check(
        f"{fn}.unchanged",
        fn,
        f"{fn}({what}) leaves its inputs unchanged",
        inputs,
        probe=probe,
        verdict=inputs_kept,
        requires=(f"{fn}.{after}",),
        hint=hint,
    )


def fit_inputs(
    data: dict, *, build: list[str], x: str | list[str], y: str, epochs: str = "epochs", compile_lr: float | None = None
) -> dict:
    """The inputs of :func:`autograder.checks.probes.fit_losses` from a task's named fields.

    Args:
        data: The task (``vocab_size``, ``inputs``, ``targets``, ``epochs``, ...).
        build: The fields passed to the student's builder, in order.
        x: The field (or fields, for a model of several inputs) the model is trained on.
        y: The field of the targets.
        epochs: The field of the number of full-batch steps.
        compile_lr: None when the student's builder compiles its model; else the probe compiles it
            with Adam at this learning rate and sparse categorical cross-entropy on logits.
    """
    return {
        "build": [data[k] for k in build],
        "x": [data[k] for k in x] if isinstance(x, list) else data[x],
        "y": data[y],
        "epochs": data[epochs],
        "compile_lr": compile_lr,
    }
