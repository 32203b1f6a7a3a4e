"""Gradescope's ``results.json`` from a result (formatting only; the result model knows nothing of it).

Schema (Gradescope autograder specification): top-level ``score``, ``output``, ``visibility``,
``stdout_visibility``, ``tests``; each test ``name``, ``score``, ``max_score``, ``output``,
``visibility`` (``visible``, ``hidden``, ``after_due_date``, ``after_published``), ``status``
(``passed``/``failed``) and ``tags``. Hidden checks are ``after_published`` with only their hint.
"""

from __future__ import annotations

import json
from pathlib import Path

from autograder.core import files
from autograder.core.results import MANUAL_CATEGORY, SubmissionResult, student_view
from autograder.reports.wording import explanation, notes

TEST_FIELDS = ("name", "score", "max_score", "output", "visibility", "status", "tags")
TOP_FIELDS = ("score", "output", "visibility", "stdout_visibility", "tests")


def to_gradescope(result: SubmissionResult, *, hidden_visibility: str = "after_published") -> dict:
    """The Gradescope document for one submission: what the student may see
    (:func:`autograder.core.results.student_view`), and the review flags in a test only staff see."""
    flags = list(result.flags)
    result = student_view(result)
    tests = []
    for check in result.checks:
        tests.append({
            "name": f"{check.id} ({'hidden' if check.hidden else 'public'})",
            "score": check.points,
            "max_score": check.max_points,
            "output": explanation(check) if check.status != "passed" or check.category == MANUAL_CATEGORY else "passed",
            "visibility": hidden_visibility if check.hidden else "visible",
            "status": "passed" if check.status == "passed" else "failed",
            "tags": [check.target, check.category],
        })
    if flags:
        tests.append({
            "name": "review flags (staff only)",
            "score": 0.0,
            "max_score": 0.0,
            "output": "\n".join(f"review: {f}" for f in flags),
            "visibility": "hidden",
            "status": "failed",
            "tags": ["review"],
        })
    said = list(dict.fromkeys(notes(result)))  # the notebook's problems first, each once
    return {"score": result.score, "output": "\n".join(said) or f"{result.assignment}: graded ({result.status})",
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def write(result: SubmissionResult, path: Path) -> Path:
    """Writes ``results.json`` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomic(path, (json.dumps(to_gradescope(result), indent=2) + "\n").encode())
    return path


class GradescopeSink:
    """A batch output (:class:`autograder.batch.sinks.Sink`): Gradescope's ``results.json``
    beside each submission's ``result.json``."""

    def add(self, result: SubmissionResult, *, folder, submission=None) -> None:
        """Writes ``folder/results.json``."""
        write(result, Path(folder) / "results.json")

    def close(self) -> None:
        """Nothing to finish: every file is written as its result comes."""
