"""Reading notebooks: the student's solution cells by nbgrader grade id, the release's setup cells.

A submission is never trusted: only its solution cells are taken (by ``grade_id``), and the code
around them (imports, constants) comes from the release notebook, so edited or deleted locked cells
change nothing. Every problem becomes a :class:`NotebookProblem` a student can act on.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import re
import stat
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


class NotPlainFile(NotebookError):
    """A submission that is not a plain file inside its submission tree (a link, FIFO, device, ...)."""


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"


def read_submission_bytes(path: Path, *, tree: Path | None = None) -> bytes:
    """Reads a submitted file, refusing anything but a plain file inside ``tree``.

    Every component of the path as given (from ``/`` for an absolute path, from the current
    folder for a relative one) is opened without following links (``O_NOFOLLOW``, one folder
    descriptor at a time), so nothing outside the tree is ever read: a symbolic link anywhere on
    the way, above ``tree`` (default: the file's own folder) as well as below it, a hard link (the
    file has other names, possibly outside the tree), a FIFO, a device or a socket is refused, and
    so is a file over :data:`MAX_NOTEBOOK_BYTES`. Nothing here blocks. Every front end reads
    submissions through here (``grade``, ``check``, the pytest plugin, Gradescope, nbgrader's grade
    cells, a Dask cluster).

    Raises:
        NotPlainFile: A component is a link, FIFO, device or socket, or the file has hard links.
        NotebookError: The file is missing, empty or too large.
    """
    path = Path(path)
    tree = Path(tree) if tree is not None else path.parent
    try:
        rel = path.relative_to(tree).parts
    except ValueError:
        rel = ()
    if not rel or ".." in rel:
        tree, rel = path.parent, (path.name,)
    shown = path.name
    fd = _open_in_tree(tree, rel, shown)
    try:
        return _read_plain(fd, Path(*rel), shown)
    finally:
        os.close(fd)


def _open_folder(tree: Path, shown: str) -> int:
    """Opens the folder ``tree`` one component at a time from ``/`` (absolute) or the current folder
    (relative), never following a link; returns its descriptor."""
    flags = os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_DIRECTORY  # a folder needs only to be entered
    parts = tree.parts[1:] if tree.is_absolute() else tree.parts
    try:
        dir_fd = os.open("/" if tree.is_absolute() else ".", flags)
    except OSError:
        raise NotebookError(f"{shown}: file not found") from None
    try:
        for part in parts:
            try:
                st = os.stat(part, dir_fd=dir_fd, follow_symlinks=False)
            except OSError:
                raise NotebookError(f"{shown}: file not found") from None
            if stat.S_ISLNK(st.st_mode):
                raise NotPlainFile(
                    f"{shown}: refused: the folder {part!r} on the way to it is a symbolic link; "
                    "grade it by a path without links"
                )
            fd = os.open(part, flags, dir_fd=dir_fd)
            os.close(dir_fd)
            dir_fd = fd
    except OSError:
        os.close(dir_fd)
        raise NotebookError(f"{shown}: file not found") from None
    except BaseException:
        os.close(dir_fd)
        raise
    return dir_fd


def _open_in_tree(tree: Path, rel: tuple[str, ...], shown: str) -> int:
    """Opens ``tree/rel...`` one component at a time, never following a link; returns the file's
    descriptor (the caller closes it)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    dir_fd = _open_folder(tree, shown)
    try:
        for n, part in enumerate(rel):
            last = n == len(rel) - 1
            where = Path(*rel[: n + 1])
            try:
                st = os.stat(part, dir_fd=dir_fd, follow_symlinks=False)
            except OSError:
                raise NotebookError(f"{shown}: file not found") from None
            if not last and not stat.S_ISDIR(st.st_mode):
                raise NotPlainFile(
                    f"{shown}: refused: {where} on its path is {_kind(st.st_mode)}; submit the notebook itself"
                )
            if last and not stat.S_ISREG(st.st_mode):
                raise NotPlainFile(
                    f"{shown}: refused: {where} is {_kind(st.st_mode)}, not the notebook file itself; submit the notebook itself"
                )
            try:
                folder_flags = os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_DIRECTORY
                fd = os.open(part, flags | os.O_NONBLOCK if last else folder_flags, dir_fd=dir_fd)
            except OSError:
                raise NotPlainFile(f"{shown}: refused: {where} could not be opened as a plain file") from None
            os.close(dir_fd)
            dir_fd = fd
    except BaseException:
        os.close(dir_fd)
        raise
    return dir_fd


def _read_plain(fd: int, rel: Path, shown: str) -> bytes:
    """Reads an opened file if it is a regular file with one name and a size in bounds."""
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        raise NotPlainFile(f"{shown}: refused: {rel} is {_kind(st.st_mode)}; submit the notebook itself")
    if st.st_nlink > 1:
        raise NotPlainFile(
            f"{shown}: refused: {rel} is a hard link ({st.st_nlink} names for one file, maybe outside the submission); submit a copy of the notebook"
        )
    if st.st_size == 0:
        raise NotebookError(f"{shown}: the file is empty; save the notebook in Jupyter and submit again")
    if st.st_size > MAX_NOTEBOOK_BYTES:
        raise NotebookError(
            f"{shown}: the file is {st.st_size // 2**20} MiB; clear large outputs (Kernel > Restart & Clear Output) and submit again"
        )
    chunks, total = [], 0
    while total <= MAX_NOTEBOOK_BYTES:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > MAX_NOTEBOOK_BYTES:
        raise NotebookError(
            f"{shown}: the file is over {MAX_NOTEBOOK_BYTES // 2**20} MiB; clear large outputs and submit again"
        )
    return b"".join(chunks)


def read(path: Path) -> dict:
    """Reads one of the course's own notebooks (trusted: links are followed). Submissions are read
    with :func:`read_submission`.

    Raises:
        NotebookError: Missing, empty, too large, not UTF-8, not JSON, or not a notebook.
    """
    path = Path(path)
    if not path.is_file():
        raise NotebookError(f"{path.name}: file not found")
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        raise NotebookError(
            f"{path.name}: the file is {path.stat().st_size // 2**20} MiB; clear large outputs (Kernel > Restart & Clear Output) and submit again"
        )
    return parse(path.read_bytes(), name=path.name)


def read_submission(path: Path, *, tree: Path | None = None) -> tuple[dict, bytes]:
    """Reads a submitted notebook as a plain file inside ``tree`` (see :func:`read_submission_bytes`).

    Returns:
        The notebook and the file's bytes (for its digest).

    Raises:
        NotebookError: Not a plain file in the tree, missing, empty, too large, not UTF-8, not JSON,
            or not a notebook.
    """
    path = Path(path)
    raw = read_submission_bytes(path, tree=tree)
    return parse(raw, name=path.name), raw


def parse(raw: bytes, *, name: str) -> dict:
    """Parses a notebook's bytes (``name`` is used in messages).

    Raises:
        NotebookError: Empty, not UTF-8, not JSON, or not a notebook.
    """
    if not raw:
        raise NotebookError(f"{name}: the file is empty; save the notebook in Jupyter and submit again")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotebookError(
            f"{name}: not UTF-8 text (bad byte at offset {err.start}); save it from Jupyter again"
        ) from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotebookError(
            f"{name}: not valid notebook JSON (line {err.lineno}, column {err.colno}: {err.msg}); was it edited outside Jupyter?"
        ) from None
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise NotebookError(f"{name}: JSON without a list of cells: not a Jupyter notebook")
    return nb


def nbgrader_metadata(cell: dict) -> dict:
    """A cell's nbgrader metadata (``grade_id``, ``solution``, ``grade``, ``locked``, ...), or ``{}``
    when it has none or it is malformed: the one place that reads it."""
    meta = cell.get("metadata")
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    return meta if isinstance(meta, dict) else {}


def release_texts(nb: dict) -> list[str]:
    """Everything a student reads in a notebook: every cell's source (markdown too), cell id and
    nbgrader grade id."""
    out = []
    for cell in nb.get("cells", []):
        if isinstance(cell, dict):
            out += [_source(cell), str(cell.get("id", "")), str(nbgrader_metadata(cell).get("grade_id", ""))]
    return out


def code_cells(nb: dict) -> list[Cell]:
    """All code cells with their grade ids and kinds, in notebook order."""
    out = []
    for n, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        meta = nbgrader_metadata(cell)
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


def setup_imports(nb: dict) -> list[str]:
    """The modules a notebook's setup cells import (``import a.b``, ``from a.b import c``, also
    inside ``try``/``if`` blocks; relative imports and cells that do not parse are skipped), in order.

    Every worker runs the setup cells, so the fork server imports these once (see
    :class:`autograder.sandbox.forkserver.ForkServer`)."""
    out: list[str] = []
    for cell in code_cells(nb):
        if cell.kind != "setup":
            continue
        try:
            tree = ast.parse(cell.source)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            out += [n for n in names if n not in out]
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
        gid = nbgrader_metadata(cell).get("grade_id")
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
        problems.append(
            "no graded cells were found (the notebook's nbgrader metadata is gone): all code cells were graded; "
            "start from the released notebook next time"
        )
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
            gid = nbgrader_metadata(cell).get("grade_id")
            if isinstance(gid, str):
                try:
                    theirs.setdefault(gid, []).append(_source(cell))
                except NotebookError:
                    theirs.setdefault(gid, []).append("")
    problems = []
    for cell in setup:
        if cell.id not in theirs:
            problems.append(
                f"locked cell '{cell.id}' is missing: the released version was run instead; copy it back from the released notebook"
            )
        elif any(_normalised(s) != _normalised(cell.source) for s in theirs[cell.id]):
            problems.append(
                f"locked cell '{cell.id}' was edited: your changes were ignored and the released version was run; "
                "undo them (or copy the cell from the released notebook)"
            )
    return problems


_MARKERS = ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS", "### END SOLUTION", "### END HIDDEN TESTS")
_MARKER_LINE = re.compile(r"^[ \t]*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)[ \t]*$", re.M)


def _squashed(source: str) -> str:
    return "\n".join(" ".join(line.split()) for line in _MARKER_LINE.sub("", source).splitlines() if line.strip())


def review_flags(submission: dict, *, graded: list[Cell], source: dict | None) -> list[str]:
    """Reasons a TA should look at a submission (never a grade change): cells that carry the
    instructor source's solution or hidden-test markers (a copy of the instructor notebook, e.g.
    what nbgrader's ``collect`` made of a link), or graded code that is the reference verbatim
    (marker lines dropped, whitespace normalised).

    Returns:
        ``"code: explanation"`` strings; codes are ``instructor-markers`` and ``reference-verbatim``.
    """
    flags = []
    marked = []
    for n, cell in enumerate(submission.get("cells", [])):
        try:
            text = _source(cell) if isinstance(cell, dict) else ""
        except NotebookError:
            continue
        found = [m for m in _MARKERS if m in text]
        if found:
            gid = nbgrader_metadata(cell).get("grade_id")
            marked.append((gid if isinstance(gid, str) else f"cell-{n}", found[0]))
    if marked:
        names = ", ".join(f"'{g}'" for g, _ in marked[:5]) + (f" and {len(marked) - 5} more" if len(marked) > 5 else "")
        flags.append(
            f"instructor-markers: cell(s) {names} carry the instructor source's '{marked[0][1]}' marker: "
            "a copy of the instructor notebook? review before releasing grades"
        )
    if source is not None:
        ref = {c.id: _squashed(c.source) for c in code_cells(source) if c.kind == "solution"}
        mine = {c.id: _squashed(c.source) for c in graded if c.kind == "solution"}
        if ref and set(ref) <= set(mine) and all(mine[k] == v for k, v in ref.items()):
            flags.append(
                f"reference-verbatim: the graded code of all {len(ref)} solution cell(s) is the reference solution, "
                "character for character (whitespace aside): review before releasing grades"
            )
    return flags
