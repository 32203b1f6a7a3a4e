"""Bundled example submissions (the reference, the blank release, typical mistakes, correct
variants), built from the course and graded by ``autograder examples`` (:func:`grade_examples`).

Mistakes are small files ``solutions/NAME/mistakes/<variant>.py`` holding::

    \"\"\"One line saying what the student got wrong.\"\"\"
    CELLS = {"sigmoid": "def sigmoid(z):\\n    return 1 / (1 + np.exp(z))\\n"}
    EXPECT_FAILED = {"sigmoid.values", "sigmoid.hidden"}   # exactly these checks fail
    MESSAGE = "values differ"                              # in the first public failure's text (message, hint)

Correct variants are files ``solutions/NAME/correct/<variant>.py`` with ``CELLS`` only: right answers
written another way than the reference (loops against vectorised numpy, the functional API against
``Sequential``, ...), which must get full marks; they are named ``correct-<variant>``.

A variant is the reference submission with those cells replaced, in the release's layout, so it
looks exactly like a student's notebook.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.util
import json
import re
from collections.abc import Mapping
from pathlib import Path

from autograder.batch import local as batch
from autograder.core import config as config_mod
from autograder.core.results import SubmissionResult
from autograder.course import assignment, notebook
from autograder.course.layout import Layout
from autograder.grading import causes
from autograder.reports.wording import explanation

_MARKER = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)


@dataclasses.dataclass(frozen=True)
class Example:
    """One bundled submission.

    Attributes:
        name: ``reference``, ``blank`` or the mistake's name.
        path: The notebook written for it.
        description: What it shows.
        expect_failed: Ids of checks that must fail (None: all must fail).
        message: Text expected in the first failing public check's message.
    """

    name: str
    path: Path
    description: str
    expect_failed: frozenset | None
    message: str = ""


def reference_notebook(source: dict, release: dict) -> dict:
    """The release with every solution cell filled in from the source notebook (markers removed)."""
    solutions = {c.id: _MARKER.sub("", c.source) for c in notebook.code_cells(source) if c.kind == "solution"}
    out = copy.deepcopy(release)
    for cell in out["cells"]:
        gid = notebook.nbgrader_metadata(cell).get("grade_id")
        if gid in solutions and notebook.nbgrader_metadata(cell).get("solution"):
            cell["source"] = solutions[gid]
    return out


def with_cells(nb: dict, cells: dict[str, str]) -> dict:
    """A copy of ``nb`` with the solution cells named in ``cells`` replaced."""
    out = copy.deepcopy(nb)
    seen = set()
    for cell in out["cells"]:
        gid = notebook.nbgrader_metadata(cell).get("grade_id")
        if gid in cells:
            cell["source"] = cells[gid]
            seen.add(gid)
    missing = set(cells) - seen
    if missing:
        raise KeyError(f"no cell with grade id {sorted(missing)[0]!r}")
    return out


def load_mistake(path: Path) -> dict:
    """Reads one mistake file's CELLS, EXPECT_FAILED, MESSAGE and docstring."""
    spec = importlib.util.spec_from_file_location(f"mistake_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {
        "cells": module.CELLS,
        "expect_failed": frozenset(getattr(module, "EXPECT_FAILED", ())),
        "message": getattr(module, "MESSAGE", ""),
        "description": (module.__doc__ or "").strip(),
    }


def build(name: str, *, root: Path, out_dir: Path) -> list[Example]:
    """Writes the reference, blank and mistake submissions of ``name`` into ``out_dir``."""
    root, out_dir = Path(root), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    course = Layout(Path(root))
    source = notebook.read(course.source(name))
    release = notebook.read(course.release(name))
    ref = reference_notebook(source, release)
    examples = []

    def write(label, nb, description, expect, message=""):
        path = out_dir / f"{label}.ipynb"
        path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
        examples.append(Example(label, path, description, expect, message))

    write("reference", ref, "the reference solution", frozenset())
    write("blank", release, "the untouched release", None)
    for path in sorted((course.solutions(name) / "mistakes").glob("*.py")):
        m = load_mistake(path)
        write(path.stem, with_cells(ref, m["cells"]), m["description"], m["expect_failed"], m["message"])
    for path in sorted((course.solutions(name) / "correct").glob("*.py")):
        m = load_mistake(path)
        if m["expect_failed"]:
            raise ValueError(f"{path}: a correct variant must not expect failures")
        write(f"{CORRECT_PREFIX}{path.stem}", with_cells(ref, m["cells"]), m["description"], frozenset())
    return examples


CORRECT_PREFIX = "correct-"


def is_correct_variant(name: str) -> bool:
    """Whether an example's name is that of a correct variant (full marks expected)."""
    return name.startswith(CORRECT_PREFIX)


@dataclasses.dataclass(frozen=True)
class ExampleRow:
    """One bundled example and whether it was graded as intended."""

    assignment: str
    example: str
    description: str
    score: float
    max_score: float
    failed: tuple[str, ...]
    as_intended: bool
    note: str
    seconds: float


def judge_example(
    ex: Example, result: SubmissionResult, requires: Mapping[str, tuple[str, ...]] | None = None
) -> tuple[bool, str]:
    """Whether a bundled example scored as intended, and why not.

    A check that earns nothing because a check it requires failed (``requires``: each check's
    ``Check.requires``) is implied by that failure, whatever its own outcome: a mistake's
    ``EXPECT_FAILED`` may list it or not (the contract's clauses need not be listed).
    """
    failed = {c.id for c in result.checks if c.status != "passed"}
    implied = {c.id for c in result.checks if c.category == causes.REQUIRES} | {
        cid for cid, needed in (requires or {}).items() if failed.intersection(needed)
    }
    failed -= implied
    if ex.expect_failed is None:
        ok = result.score == 0 and all(c.category == "not-implemented" for c in result.checks)
        return ok, "" if ok else "the blank release should score 0 with 'not implemented' on every check"
    expected = set(ex.expect_failed) - implied
    if failed != expected:
        extra, missing = sorted(failed - expected), sorted(expected - failed)
        return False, f"unexpected failures {extra}" if extra else f"should have failed {missing}"
    if ex.message:
        public = [c for c in result.checks if c.status != "passed" and not c.hidden]
        if not public or ex.message not in explanation(public[0]):  # what the student reads: message and hint
            return False, f"message should contain {ex.message!r}"
    return True, ""


def requirements(name: str, *, root: Path) -> dict[str, tuple[str, ...]]:
    """Each check of an assignment with the checks it requires (for :func:`judge_example`)."""
    return {c.id: c.requires for c in assignment.load(name, root=Path(root)).checks}


def grade_examples(*, root: Path, out: Path, names: list[str] | None = None, jobs: int = 2) -> list[ExampleRow]:
    """Builds and grades the bundled examples of each assignment (default: all with a release)."""
    root, out = Path(root), Path(out)
    course = Layout(Path(root))
    cfg = config_mod.load(course.grading_yml)
    names = names or [n for n in cfg if course.release(n).is_file()]
    rows = []
    for name in names:
        requires = requirements(name, root=root)
        exs = build(name, root=root, out_dir=out / "submissions" / name)
        graded = batch.grade_many(
            [e.path for e in exs], assignment=name, root=root, out=out / "results", jobs=jobs, require=False
        )
        for ex, result in zip(exs, graded):
            ok, note = judge_example(ex, result, requires)
            rows.append(
                ExampleRow(
                    name,
                    ex.name,
                    ex.description,
                    result.score,
                    result.max_score,
                    tuple(c.id for c in result.checks if c.status != "passed"),
                    ok,
                    note,
                    result.seconds,
                )
            )
    return rows
