"""Grade cells under ``nbgrader autograde``: the real grader, run once per notebook, outside the kernel.

``grade("sigmoid")`` finds the course (the folder with ``grading.yml`` above the working directory),
runs ``autograder grade`` on the notebook being autograded in a separate process (so references and
hidden checks never enter the student's kernel), caches the result for the other grade cells
(in a private folder, keyed on the notebook, the assignment's files and the grader's version), prints
the function's checks (hints only for hidden ones) and returns the points earned: nbgrader reads that
value as the cell's partial credit. Grading writes nothing to stderr, so log lines cannot zero a grade.

The same cell runs in a student's own notebook, where there is nothing to grade with (no course
above the notebook, no instructor notebook for the assignment, or the release folder itself):
there it prints one line saying the function is graded after submission and returns None, so no
number shows as if it were a score. That line goes to stderr: nbgrader gives a grade cell with no
error and no value full credit, but one that wrote to stderr none, so a cell that could not grade
under ``nbgrader autograde`` (say student code changed the working directory) earns 0, as a
traceback once did.

Student code ran earlier in this kernel and could tamper with this function; the README explains why
``autograder grade`` (optionally writing into nbgrader's gradebook) is the path for grades that count.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder.core.results import check_from_dict
from autograder.course.layout import Layout, digest, library_files
from autograder.course.notebook import NotebookError, read_submission_bytes
from autograder.integrations.nbgrader import privatecache
from autograder.reports.wording import check_line, explanation


def find_course(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``grading.yml`` and ``nbgrader_config.py``."""
    for folder in [start, *start.parents]:
        if (folder / "grading.yml").is_file() and (folder / "nbgrader_config.py").is_file():
            return folder
    raise FileNotFoundError(f"no course (grading.yml and nbgrader_config.py) above {start}")


def grading_course(cwd: Path) -> Path | None:
    """The course that grades the notebook in ``cwd``, or None where it cannot be graded.

    Under ``nbgrader autograde`` the working directory is ``autograded/<student>/NAME/`` inside the
    course, whose ``solutions/NAME/NAME.ipynb`` nbgrader made the release from. None: no course
    above ``cwd`` (a student's copy of the release), no instructor notebook for ``NAME`` there (a
    course shared without its solutions), or ``cwd`` is the release folder ``assignments/NAME/``.
    """
    try:
        course = find_course(cwd)
    except FileNotFoundError:
        return None
    layout = Layout(course)
    if not layout.source(cwd.name).is_file() or cwd.resolve() == layout.release_folder(cwd.name).resolve():
        return None
    return course


def _notebook(cwd: Path) -> Path:
    named = cwd / f"{cwd.name}.ipynb"
    if named.is_file():
        return named
    found = sorted(cwd.glob("*.ipynb"))
    if not found:
        raise FileNotFoundError(f"no notebook in {cwd}")
    return found[0]


def cache_key(notebook: bytes, *, course: Path, assignment: str) -> str:
    """What a cached result depends on: the notebook's bytes (as the intake read them), everything
    grading the assignment depends on in the course (:meth:`autograder.course.layout.Layout.grading_files`:
    ``grading.yml``, the source notebook, every check file, pytest-style ones included, the release
    and its fixtures, ``data/``), and the grader itself (its version and source)."""
    import autograder

    layout = Layout(Path(course))
    h = hashlib.sha256()
    h.update(f"autograder {autograder.__version__}\0".encode())
    h.update(digest(library_files(), base=Path(autograder.__file__).parent).encode() + b"\0")
    h.update(digest(layout.grading_files(assignment), base=layout.root).encode() + b"\0")
    h.update(b"notebook\0" + notebook)
    return h.hexdigest()[:32]


def result_for(notebook: Path, *, course: Path, assignment: str) -> dict:
    """Grades ``notebook`` once and returns its result.json (what the student may see) as a dict.

    The notebook is read by the grader's intake (a plain file, no link anywhere on its path). The
    result is cached for the notebook's other grade cells in a private folder (see
    :mod:`autograder.integrations.nbgrader.privatecache`), keyed on everything the verdict depends on (:func:`cache_key`),
    so a changed tolerance, check or grader gives a fresh grade. The notebook's copy is deleted
    once graded. When the grader refuses (the host cannot confine workers as the course requires),
    the message says why.
    """
    try:  # first: the grader's one intake (a plain file, no link anywhere on its path)
        raw = read_submission_bytes(notebook, tree=notebook.parent)
    except NotebookError as err:
        return {"checks": [], "message": f"the autograder refused this notebook: {err}"}
    key = cache_key(raw, course=course, assignment=assignment)
    try:
        entry = privatecache.private_folder("nbgrader", f"{assignment}-{key}")
        path = entry / "result.json"
        cached = privatecache.read_private(path)
    except privatecache.CacheError as err:
        return {"checks": [], "message": f"the autograder refused its cache folder ({err}); ask your instructor"}
    refusal = ""
    if cached is None:
        refusal = _grade_copy(raw, entry=entry, path=path, course=course, assignment=assignment)
        cached = privatecache.read_private(path)
    if cached is None:
        said = (
            f"the autograder refused to grade: {refusal}" if refusal else "the autograder could not grade this notebook"
        )
        return {"checks": [], "message": said}
    return json.loads(cached)


def _grade_copy(raw: bytes, *, entry: Path, path: Path, course: Path, assignment: str) -> str:
    """Runs ``autograder grade`` on a private copy of the notebook; its result lands at ``path``.

    Returns:
        The grader's refusal (its one-line usage error), or ''.
    """
    with tempfile.TemporaryDirectory(prefix="run-", dir=entry) as work:
        work = Path(work)
        copy = work / "in" / "submission.ipynb"
        copy.parent.mkdir()
        copy.write_bytes(raw)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JPY_", "JUPYTER", "IPY"))}
        command = ["grade", "--assignment", assignment, "--root", str(course), "--out", str(work / "out")]
        proc = subprocess.run(
            [sys.executable, "-m", "autograder", *command, "--quiet", "--jobs", "1", str(copy)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        produced = work / "out" / "submission" / assignment / "result.json"
        if produced.is_file():
            os.replace(produced, path)
    return proc.stderr.partition("autograder: error: ")[2].strip() if proc.returncode == 2 else ""


def grade(target: str) -> float | None:
    """Prints the checks of ``target`` and returns the points earned (nbgrader's partial credit).

    Where the notebook cannot be graded (:func:`grading_course` is None: a student running the
    cell in their own notebook), prints on stderr that ``target`` is graded after submission (so
    nbgrader would give the cell 0, never full credit) and returns None.
    """
    cwd = Path.cwd()
    course = grading_course(cwd)
    if course is None:
        print(f"{target} is graded after you submit; the self-check cells run its public checks now", file=sys.stderr)
        return None
    assignment = cwd.name
    result = result_for(_notebook(cwd), course=course, assignment=assignment)
    mine = [c for c in map(check_from_dict, result.get("checks", [])) if c.target == target]
    for c in mine:
        print(check_line(c, align=True) + (f": {explanation(c)}" if explanation(c) else ""))
    if not mine:
        print(result.get("message") or f"no result for {target}")
    return float(sum(c.points for c in mine))
