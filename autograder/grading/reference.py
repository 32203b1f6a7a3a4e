"""The reference solution in the grader's process: made once, on first use, and what it computes.

The reference is the instructor notebook's setup and solution cells, run here (never in a
worker). :func:`compute_expected` builds a check's inputs from a seed and runs its probe on the
reference; the engine (:mod:`autograder.grading.engine`), the term's pool
(:mod:`autograder.grading.pool`) and the release's public fixtures all call it, so an expected
value is made one way only.
"""

from __future__ import annotations

import threading
import warnings

import numpy as np

from autograder.checks.check import Check, resolve_probe
from autograder.core import plaindata
from autograder.course import notebook
from autograder.course.assignment import Assignment
from autograder.sandbox import cells, determinism


class ReferenceFailed(RuntimeError):
    """The reference solution failed: an instructor's problem, never a student's."""


def needs_tensorflow(assignment: Assignment) -> bool:
    """Whether the assignment's code uses TensorFlow (then every process loads it under the policy first)."""
    nb = assignment.source or assignment.release
    return determinism.uses_tensorflow(c.source for c in notebook.code_cells(nb) if c.kind in ("setup", "solution"))


def reference_namespace(assignment: Assignment) -> dict:
    """Runs the source notebook's setup and solution cells in this (the grader's) process.

    Raises:
        ReferenceFailed: A reference cell failed.
    """
    if assignment.source is None:
        raise ReferenceFailed("no source notebook here: the reference solution is only in the instructor's repo")
    namespace: dict = {"__name__": "__main__"}
    if needs_tensorflow(assignment):
        determinism.load_tensorflow()
    for cell in notebook.code_cells(assignment.source):
        if cell.kind in ("setup", "solution"):
            run = cells.run_cell(cell.id, cell.source, namespace, timeout_s=600, allow_fallback=False)
            if run.status != "ok":
                raise ReferenceFailed(f"{assignment.name}: reference cell failed: {run.message}")
    return namespace


def compute_expected(check: Check, reference: dict, seed: int) -> tuple[dict, object]:
    """Builds a check's inputs from ``seed`` and runs its probe on the reference.

    Raises:
        ReferenceFailed: The reference failed on these inputs.
    """
    determinism.apply(seed)
    inputs = check.inputs(np.random.default_rng(seed))
    if not check.reference:
        return inputs, None
    probe = resolve_probe(check.probe_spec())
    determinism.apply(seed)
    try:
        with warnings.catch_warnings():  # the reference's warnings are not the grader's output
            warnings.simplefilter("ignore")
            expected = probe(reference, check.target, inputs)
    except Exception as err:
        raise ReferenceFailed(f"reference failed on check {check.id}: {type(err).__name__}: {err}") from err
    return inputs, plaindata.to_plain(expected)


class LazyReference:
    """The reference namespace, made on first use and kept: a run whose expected values all come
    from the pool never runs the reference. Made once, whichever thread asks first (callers still
    hold the session's lock around the grader's TensorFlow work)."""

    def __init__(self, assignment: Assignment):
        self._assignment = assignment
        self._namespace: dict | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the reference has been made."""
        return self._namespace is not None

    def __call__(self) -> dict:
        with self._lock:
            if self._namespace is None:
                self._namespace = reference_namespace(self._assignment)
            return self._namespace
