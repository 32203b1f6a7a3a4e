"""Where a batch's results go besides ``result.json``: output sinks, passed to the batch as a list.

The batch always writes ``<out>/<submission>/<assignment>/result.json`` (its own record, which
``--resume`` reads back). Every other output is a :class:`Sink`: it is given each result as soon
as that result is written, and closed once when the batch ends. Sinks live with what they write
for: :class:`autograder.integrations.gradescope.results.GradescopeSink` (Gradescope's
``results.json`` beside each ``result.json``) and
:class:`autograder.integrations.nbgrader.gradebook.GradebookSink` (nbgrader's gradebook and its
``autograded/`` tree). A new output is a new sink; the batch does not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from autograder.core.results import SubmissionResult


@runtime_checkable
class Sink(Protocol):
    """An output of a batch."""

    def add(self, result: SubmissionResult, *, folder, submission=None) -> None:
        """Takes one result, once its ``result.json`` is written in ``folder``
        (``<out>/<submission>/<assignment>/``); ``submission`` is what was graded
        (:class:`autograder.batch.intake.Submission`, None for a result made without one)."""

    def close(self) -> None:
        """Called once after the last result (a sink that writes per batch writes here)."""


class Adjusted:
    """A sink that is given each result as the term shows it (manual marks, lateness:
    :meth:`autograder.term.adjust.Term.apply`); ``result.json`` itself stays automatic.

    Args:
        inner: The sink.
        adjust: The result as every output shows it.
    """

    def __init__(self, inner: Sink, adjust: Callable[[SubmissionResult], SubmissionResult]):
        self.inner, self.adjust = inner, adjust

    def add(self, result: SubmissionResult, *, folder, submission=None) -> None:
        """Gives the inner sink the adjusted result."""
        self.inner.add(self.adjust(result), folder=folder, submission=submission)

    def close(self) -> None:
        """Closes the inner sink."""
        self.inner.close()
