"""Grading one Gradescope upload: the folder ``/autograder/submission``, through the grader's intake.

``gradescope/run_autograder`` calls ``autograder gradescope-grade``, which calls
:func:`grade_upload`: the upload is searched by the same intake as every other front end
(:func:`autograder.batch.intake.collect`: links refused anywhere on a path, never followed), one
notebook is graded (``<assignment>.ipynb`` if the upload has it, else the first one; a student is
told when the file had another name and which notebooks were not graded), and Gradescope's
``results.json`` is written from what the student may see, with the review flags in a test only
staff see. When the host cannot confine the workers as the course requires, the student is told
that the autograder could not run safely, and the reason goes to stderr (Gradescope's log).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from autograder.batch import intake
from autograder.batch import local as batch
from autograder.integrations.gradescope import results as gradescope
from autograder.core import files


def _write_message(path: Path, text: str) -> None:
    doc = {"score": 0.0, "output": text, "visibility": "visible", "stdout_visibility": "hidden", "tests": []}
    files.write_atomic(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))


def grade_upload(*, upload: Path, assignment: str, root: Path, results: Path) -> Path:
    """Grades the notebook in a Gradescope upload and writes ``results``.

    Args:
        upload: The upload's folder (``/autograder/submission``).
        assignment: The assignment's name.
        root: The course (``/autograder/source``).
        results: Gradescope's ``results.json`` to write.

    Returns:
        ``results``.

    Raises:
        SandboxUnavailable: Never: the student is told, and the reason is printed on stderr.
    """
    from autograder.sandbox.confinement import SandboxUnavailable

    results = Path(results)
    results.parent.mkdir(parents=True, exist_ok=True)
    found = intake.collect([Path(upload)], assignment=assignment) if Path(upload).is_dir() else None
    if found is None or not found.submissions:
        _write_message(results, f"No notebook found in the submission: upload {assignment}.ipynb.")
        return results
    expected = f"{assignment}.ipynb"
    chosen = next((s for s in found.submissions if Path(s.path).name == expected), found.submissions[0])
    notes = []
    if Path(chosen.path).name != expected:
        notes.append(f"your notebook was not named {expected}; {chosen.name}.ipynb was graded as this assignment's")
    others = sorted(s.name for s in found.submissions if s is not chosen)
    if others:
        notes.append(f"only {chosen.name}.ipynb was graded; other notebooks in your upload were not: {', '.join(others)}")
    with tempfile.TemporaryDirectory(prefix="autograder-gradescope-") as work:
        try:
            [result] = batch.grade_many([chosen.path], assignment=assignment, root=root, out=Path(work), jobs=1)
        except SandboxUnavailable as err:
            print(f"autograder: {err}", file=sys.stderr)
            _write_message(results, "The autograder could not run safely on this server and did not grade your notebook; your instructor has been told.")
            return results
    result.problems = notes + list(result.problems)
    return gradescope.write(result, results)
