"""nbgrader's ``autograded/`` tree after grading outside the kernel, so ``generate_feedback`` works.

``nbgrader generate_feedback NAME`` renders ``autograded/<student>/NAME/NAME.ipynb`` with the
scores and comments of the gradebook. ``autograder grade --gradebook`` writes those scores
(:mod:`autograder.integrations.nbgrader.gradebook`) and, through :func:`write_tree`, the notebooks: the student's
submission with every locked cell (instructions, set-up, self-check and grade cells) restored from
the release, as ``nbgrader autograde`` would restore them, and the outputs of those cells cleared.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from autograder.core import files
from autograder.course import notebook
from autograder.course.layout import Layout


def restored(submitted: dict, release: dict) -> dict:
    """The submission with its locked cells' sources taken from the release (matched by grade id)."""
    originals = {}
    for cell in release.get("cells", []):
        meta = notebook.nbgrader_metadata(cell)
        if meta.get("grade_id"):
            originals[meta["grade_id"]] = cell
    out = copy.deepcopy(submitted)
    for cell in out.get("cells", []):
        meta = notebook.nbgrader_metadata(cell)
        original = originals.get(meta.get("grade_id"))
        if original is not None and meta.get("locked") and not meta.get("solution"):
            cell["source"] = original["source"]
            cell["metadata"]["nbgrader"] = copy.deepcopy(original["metadata"]["nbgrader"])
            if cell.get("cell_type") == "code":
                cell["outputs"], cell["execution_count"] = [], None
    return out


def write_tree(submissions: dict, *, root: Path, assignment: str, release: dict) -> list[Path]:
    """Writes ``root/autograded/<student>/<assignment>/<assignment>.ipynb`` for each submission.

    Args:
        submissions: Student id (the gradebook's: one folder name) to the graded submission
            (:class:`autograder.batch.intake.Submission`; read as grading read it, no link followed).
        root: The nbgrader course.
        assignment: The assignment's name (also the notebook's).
        release: The release notebook (JSON).

    Returns:
        The notebooks written; a submission that cannot be read as JSON is skipped.
    """
    written = []
    for student, sub in submissions.items():
        if student in (".", "..") or "/" in student:
            continue
        try:
            submitted = json.loads(notebook.read_submission_bytes(sub.path, tree=sub.tree).decode("utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(submitted, dict) or not isinstance(submitted.get("cells"), list):
            continue
        folder = Path(root) / "autograded" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{assignment}.ipynb"
        files.write_atomic(
            target, (json.dumps(restored(submitted, release), indent=1, ensure_ascii=False) + "\n").encode("utf-8")
        )
        stamp = Path(sub.path).parent / "timestamp.txt"
        if stamp.is_file() and not stamp.is_symlink():
            shutil.copyfile(stamp, folder / "timestamp.txt")
        written.append(target)
    return written


def release_notebook(root: Path, assignment: str) -> dict:
    """The release notebook of ``assignment`` in the course at ``root``."""
    return notebook.read(Layout(Path(root)).release(assignment))
