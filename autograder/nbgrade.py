"""Grade cells under ``nbgrader autograde``: the real grader, run once per notebook, outside the kernel.

``grade("sigmoid")`` finds the course (the folder with ``grading.yml`` above the working directory),
runs ``autograder grade`` on the notebook being autograded in a separate process (so references and
hidden checks never enter the student's kernel), caches the result for the other grade cells, prints
the function's checks (hints only for hidden ones) and returns the points earned: nbgrader reads that
value as the cell's partial credit. Nothing is written to stderr, so log lines cannot zero a grade.

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


def find_course(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``grading.yml`` and ``nbgrader_config.py``."""
    for folder in [start, *start.parents]:
        if (folder / "grading.yml").is_file() and (folder / "nbgrader_config.py").is_file():
            return folder
    raise FileNotFoundError(f"no course (grading.yml and nbgrader_config.py) above {start}")


def _notebook(cwd: Path) -> Path:
    named = cwd / f"{cwd.name}.ipynb"
    if named.is_file():
        return named
    found = sorted(cwd.glob("*.ipynb"))
    if not found:
        raise FileNotFoundError(f"no notebook in {cwd}")
    return found[0]


def result_for(notebook: Path, *, course: Path, assignment: str) -> dict:
    """Grades ``notebook`` once (cached by content) and returns its result.json as a dict."""
    digest = hashlib.sha256(notebook.read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"autograder-nbgrader-{assignment}-{digest}"
    path = cache / "out" / "submission" / assignment / "result.json"
    if not path.is_file():
        (cache / "in").mkdir(parents=True, exist_ok=True)
        copy = cache / "in" / "submission.ipynb"
        copy.write_bytes(notebook.read_bytes())
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JPY_", "JUPYTER", "IPY"))}
        subprocess.run([sys.executable, "-m", "autograder", "grade", "--assignment", assignment, "--root", str(course),
                        "--out", str(cache / "out"), "--quiet", "--jobs", "1", str(copy)],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if not path.is_file():
        return {"checks": [], "message": "the autograder could not grade this notebook"}
    return json.loads(path.read_text())


def grade(target: str) -> float:
    """Prints the checks of ``target`` and returns the points earned (nbgrader's partial credit)."""
    cwd = Path.cwd()
    course = find_course(cwd)
    assignment = cwd.name
    result = result_for(_notebook(cwd), course=course, assignment=assignment)
    mine = [c for c in result.get("checks", []) if c["target"] == target]
    for c in mine:
        mark = {"passed": "PASS", "failed": "FAIL"}.get(c["status"], "ERROR")
        line = f"{mark:<5} {c['points']:g}/{c['max_points']:g} {c['id']}{' (hidden)' if c['hidden'] else ''}"
        print(line + (f": {c['message']}" if c["status"] != "passed" and c["message"] else ""))
    if not mine:
        print(result.get("message") or f"no result for {target}")
    return float(sum(c["points"] for c in mine))
