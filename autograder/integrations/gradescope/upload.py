"""Grading one Gradescope upload: the folder ``/autograder/submission``, through the grader's intake.

``gradescope/run_autograder`` calls ``autograder gradescope-grade``, which calls
:func:`grade_upload`. The upload's notebooks are listed as every front end lists a folder
(:func:`autograder.batch.intake.notebooks_under`: links never followed, a linked folder standing
for the notebook it would hold) and one is graded, read through the same intake (links refused
anywhere on its path). Which one, and what the student is told in ``results.json``'s output, naming their
files as they uploaded them:

- one notebook: graded; when it is not named ``<assignment>.ipynb`` the student is told which
  file was graded and which name was expected;
- several: the one named ``<assignment>.ipynb`` (the shallowest, if more than one is), and the
  student is told which was graded and that the others were not; when none has that name,
  nothing is graded (score 0) and the student is told why, with the notebooks found;
- none: nothing is graded and the student is told what was looked for and what was found.

``results.json`` holds what the student may see, with the review flags in a test only staff see.
When the host cannot confine the workers as the course requires, the student is told that the
autograder could not run safely, and the reason goes to stderr (Gradescope's log).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from autograder.batch import intake
from autograder.batch import local as batch
from autograder.core import files
from autograder.integrations.gradescope import results as gradescope
from autograder.reports.untrusted import terminal_line

SHOWN_AT_MOST = 5  # file names listed in one message


def _write_message(path: Path, text: str) -> None:
    doc = {"score": 0.0, "output": text, "visibility": "visible", "stdout_visibility": "hidden", "tests": []}
    files.write_atomic(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))


def _shown(path: Path, upload: Path) -> str:
    """A file as the student uploaded it: its path in the upload, control characters escaped."""
    return terminal_line(os.fsdecode(os.path.relpath(path, upload)))


def _listed(items: list[str], total: int | None = None) -> str:
    """``a, b, c and 4 more``: at most :data:`SHOWN_AT_MOST` of ``total`` items named."""
    total = len(items) if total is None else total
    shown = items[:SHOWN_AT_MOST]
    return ", ".join(shown) + (f" and {total - len(shown)} more" if total > len(shown) else "")


def _macos_copy(path: Path, upload: Path) -> bool:
    """Whether a "notebook" is the resource-fork copy macOS puts in a zip (``__MACOSX/``, ``._NAME``),
    which Gradescope unpacks beside the real one."""
    parts = Path(os.path.relpath(path, upload)).parts
    return "__MACOSX" in parts or path.name.startswith("._")


def _no_notebook(upload: Path, expected: str) -> str:
    """What the student is told when the upload holds no notebook."""
    seen, total = intake.other_files(upload, limit=SHOWN_AT_MOST) if upload.is_dir() else ([], 0)
    there = "it is empty" if not total else f"it holds {_listed([terminal_line(s) for s in seen], total)}"
    return (
        f"Not graded: no notebook (.ipynb file) in your upload ({there}). "
        f"Upload your Jupyter notebook, named {expected}."
    )


def _choose(notebooks: list[Path], *, upload: Path, expected: str) -> tuple[Path | None, list[str]]:
    """The notebook to grade among an upload's, and what the student is told about the choice.

    Args:
        notebooks: The upload's notebooks (at least one).
        upload: The upload's folder (the notebooks are shown relative to it).
        expected: The file name the assignment expects, ``<assignment>.ipynb``.

    Returns:
        The notebook to grade and the notes for the student; or None and the one message saying
        why nothing is graded (several notebooks, none named ``expected``).
    """
    ordered = sorted(notebooks, key=lambda p: (len(p.parts), str(p)))  # the shallowest first
    if len(ordered) == 1:
        (only,) = ordered
        if only.name == expected:
            return only, []
        return only, [
            f"Graded {_shown(only, upload)}, the only notebook in your upload; "
            f"this assignment expects it named {expected}: please use that name next time."
        ]
    named = [p for p in ordered if p.name == expected]
    others = [_shown(p, upload) for p in ordered if not named or p != named[0]]
    if not named:
        return None, [
            f"Not graded: your upload holds {len(ordered)} notebooks and none is named {expected} "
            f"({_listed(others)}), so the autograder cannot tell which one to grade. "
            f"Upload only your notebook, named {expected}."
        ]
    return named[0], [
        f"Graded {_shown(named[0], upload)}, the notebook named {expected}; "
        f"not graded: {_listed(others)} (upload only your notebook)."
    ]


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

    results, upload = Path(results), Path(upload)
    results.parent.mkdir(parents=True, exist_ok=True)
    expected = f"{assignment}.ipynb"
    notebooks = intake.notebooks_under(upload, assignment=assignment) if upload.is_dir() else []
    notebooks = [p for p in notebooks if not _macos_copy(p, upload)]
    if not notebooks:
        _write_message(results, _no_notebook(upload, expected))
        return results
    chosen, notes = _choose(notebooks, upload=upload, expected=expected)
    if chosen is None:
        _write_message(results, notes[0])
        return results
    with tempfile.TemporaryDirectory(prefix="autograder-gradescope-") as work:
        try:
            [result] = batch.grade_many([chosen], assignment=assignment, root=root, out=Path(work), jobs=1)
        except SandboxUnavailable as err:
            print(f"autograder: {err}", file=sys.stderr)
            _write_message(
                results,
                "The autograder could not run safely on this server and did not grade your notebook; "
                "your instructor has been told.",
            )
            return results
    result.problems = notes + list(result.problems)
    return gradescope.write(result, results)
