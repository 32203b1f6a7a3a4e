"""Reading notebooks: the student's solution cells by nbgrader grade id, the release's setup cells.

A submission is never trusted: only its solution cells are taken (by ``grade_id``), and the code
around them (imports, constants) comes from the release notebook, so edited or deleted locked cells
change nothing. Every problem becomes a :class:`NotebookProblem` a student can act on.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

MAX_NOTEBOOK_BYTES = 50 * 2**20


class NotebookError(ValueError):
    """The file cannot be read as a notebook at all; the message says what to fix."""


@dataclasses.dataclass(frozen=True)
class Cell:
    """One code cell.

    Attributes:
        id: nbgrader ``grade_id`` (or ``cell-N`` for cells without one).
        source: The code.
        kind: ``setup`` (locked code run before the student's), ``solution`` or ``other``.
    """

    id: str
    source: str
    kind: str


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        if not all(isinstance(s, str) for s in src):
            raise NotebookError("a cell's source is not text")
        return "".join(src)
    if not isinstance(src, str):
        raise NotebookError("a cell's source is not text")
    return src


def read(path: Path) -> dict:
    """Reads a notebook's JSON, with errors that say what is wrong with the file.

    Raises:
        NotebookError: Missing, empty, too large, not UTF-8, not JSON, or not a notebook.
    """
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path.name}: file not found")
    size = path.stat().st_size
    if size == 0:
        raise NotebookError(f"{path.name}: the file is empty; save the notebook in Jupyter and submit again")
    if size > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"{path.name}: the file is {size // 2**20} MiB; clear large outputs (Kernel > Restart & Clear Output) and submit again")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotebookError(f"{path.name}: not UTF-8 text (bad byte at offset {err.start}); save it from Jupyter again") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotebookError(f"{path.name}: not valid notebook JSON (line {err.lineno}, column {err.colno}: {err.msg}); was it edited outside Jupyter?") from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise NotebookError(f"{path.name}: JSON without a list of cells: not a Jupyter notebook")
    return nb


def _nbgrader(cell: dict) -> dict:
    meta = cell.get("metadata")
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    return meta if isinstance(meta, dict) else {}


def code_cells(nb: dict) -> list[Cell]:
    """All code cells with their grade ids and kinds, in notebook order."""
    out = []
    for n, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        meta = _nbgrader(cell)
        gid = meta.get("grade_id")
        gid = gid if isinstance(gid, str) and gid else f"cell-{n}"
        if meta.get("solution"):
            kind = "solution"
        elif meta.get("locked") and gid.startswith("setup") and not meta.get("grade"):
            kind = "setup"
        else:
            kind = "other"
        out.append(Cell(gid, _source(cell), kind))
    return out


def solution_ids(nb: dict) -> list[str]:
    """Grade ids of the solution cells of a (release or source) notebook."""
    return [c.id for c in code_cells(nb) if c.kind == "solution"]


@dataclasses.dataclass(frozen=True)
class SubmissionCells:
    """The code to run for a submission, and what was wrong with its cells.

    Attributes:
        cells: Setup cells from the release, then the submission's solution cells, in release order.
        problems: Messages for the student about missing, duplicated or retyped cells.
    """

    cells: list[Cell]
    problems: list[str]


def submission_cells(submission: dict, release: dict) -> SubmissionCells:
    """Picks the submission's solution cells by grade id, in the release's order.

    Missing cells are reported (the functions they define will be missing); a duplicated id keeps
    the last copy; a solution cell turned into Markdown is reported and skipped. A notebook whose
    nbgrader metadata was stripped is graded from all its code cells, with a warning.
    """
    setup = [c for c in code_cells(release) if c.kind == "setup"]
    wanted = solution_ids(release)
    problems: list[str] = []
    found: dict[str, Cell] = {}
    counts: dict[str, int] = {}
    for n, cell in enumerate(submission["cells"]):
        if not isinstance(cell, dict):
            continue
        gid = _nbgrader(cell).get("grade_id")
        if gid not in wanted:
            continue
        counts[gid] = counts.get(gid, 0) + 1
        if cell.get("cell_type") != "code":
            problems.append(f"cell '{gid}' is a {cell.get('cell_type')} cell, not code: change its type back to Code")
            continue
        found[gid] = Cell(gid, _source(cell), "solution")
    for gid, count in counts.items():
        if count > 1:
            problems.append(f"cell '{gid}' appears {count} times: the last copy was graded; delete the others")
    if not counts and wanted:
        others = [c for c in code_cells(submission) if c.kind != "setup"]
        problems.append("no graded cells were found (the notebook's nbgrader metadata is gone): all code cells were graded; start from the released notebook next time")
        return SubmissionCells(setup + [Cell(c.id, c.source, "solution") for c in others], problems)
    for gid in wanted:
        if gid not in found and gid not in counts:
            problems.append(f"cell '{gid}' is missing: copy it back from the released notebook")
    problems += _locked_cell_problems(submission, setup)
    return SubmissionCells(setup + [found[g] for g in wanted if g in found], problems)


def _normalised(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def _locked_cell_problems(submission: dict, setup: list[Cell]) -> list[str]:
    """Locked setup cells that were edited or deleted: they are run from the release anyway, so
    the student only learns that their changes had no effect and how to get back in step."""
    theirs: dict[str, list[str]] = {}
    for cell in submission["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            gid = _nbgrader(cell).get("grade_id")
            if isinstance(gid, str):
                try:
                    theirs.setdefault(gid, []).append(_source(cell))
                except NotebookError:
                    theirs.setdefault(gid, []).append("")
    problems = []
    for cell in setup:
        if cell.id not in theirs:
            problems.append(f"locked cell '{cell.id}' is missing: the released version was run instead; copy it back from the released notebook")
        elif any(_normalised(s) != _normalised(cell.source) for s in theirs[cell.id]):
            problems.append(f"locked cell '{cell.id}' was edited: your changes were ignored and the released version was run; undo them (or copy the cell from the released notebook)")
    return problems
