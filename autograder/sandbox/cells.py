"""Running notebook cells' code in a namespace, with per-cell time limits.

Used by the worker for the student's code and by the grader for the reference solution.
"""

from __future__ import annotations

import ast
import dataclasses
import signal
import threading
import traceback


class TimeLimit(BaseException):
    """Raised inside code that ran past its time limit (a BaseException, so ``except Exception`` misses it)."""


@dataclasses.dataclass(frozen=True)
class CellRun:
    """How one cell ran.

    Attributes:
        cell_id: The nbgrader grade id (or ``cell-N``).
        status: ``ok``, ``error``, ``timeout`` or ``definitions-only`` (the cell failed as a whole,
            so only its imports, functions and classes were kept).
        message: What went wrong, in the student's terms (their own lines only).
    """

    cell_id: str
    status: str
    message: str = ""


class time_limit:
    """Context manager raising :class:`TimeLimit` after ``seconds`` of wall time.

    Signals only reach the main thread: elsewhere (trusted reference code in a Dask worker's
    thread) it does nothing.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.active = threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if not self.active:
            return self

        def _raise(signum, frame):
            raise TimeLimit()

        self._old = signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, max(self.seconds, 0.001))
        return self

    def __exit__(self, *exc):
        if not self.active:
            return False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._old)
        return False


def filename(cell_id: str) -> str:
    """The pseudo file name under which a cell's code is compiled."""
    return f"<cell {cell_id}>"


def student_error(err: BaseException) -> str:
    """Describes an exception from student code, naming the line in their cell, without engine frames."""
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.startswith("<cell ")]
    where = ""
    if isinstance(err, SyntaxError) and (err.filename or "").startswith("<cell "):
        where = f" (line {err.lineno} of cell '{err.filename[6:-1]}')"
        return f"SyntaxError: {err.msg}{where}"
    if frames:
        last = frames[-1]
        where = f" (line {last.lineno} of cell '{last.filename[6:-1]}'"
        where += f": {last.line.strip()})" if last.line else ")"
    text = str(err)
    if len(text) > 300:
        text = text[:300] + "..."
    return f"{type(err).__name__}: {text}{where}" if text else f"{type(err).__name__}{where}"


def error_origin(err: BaseException) -> tuple[str, str, int]:
    """An exception's type name and where in the student's cells it was raised (``""``, 0 if unknown).

    The grader checks these against the submitted code before it shows them next to a hidden check.
    """
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.startswith("<cell ")]
    cell, line = ("", 0) if not frames else (frames[-1].filename[6:-1], int(frames[-1].lineno or 0))
    return type(err).__name__, cell, line


def definitions_only(source: str) -> str:
    """Keeps a cell's imports, function and class definitions, and assignments of literals."""
    tree = ast.parse(source)
    keep = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            keep.append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            try:
                ast.literal_eval(node.value)
            except ValueError:
                continue
            keep.append(node)
    return ast.unparse(ast.Module(body=keep, type_ignores=[]))


def run_cell(cell_id: str, source: str, namespace: dict, *, timeout_s: float, allow_fallback: bool = True) -> CellRun:
    """Executes one cell in ``namespace``; on failure, retries with its definitions only.

    Args:
        cell_id: Names the cell in messages.
        source: The cell's code.
        namespace: Globals to run in (shared by all cells of one notebook).
        timeout_s: Wall-time limit for the cell.
        allow_fallback: Whether a failing cell is re-run with its definitions only.

    Returns:
        How the cell ran.
    """
    try:
        code = compile(source, filename(cell_id), "exec")
    except SyntaxError as err:
        return CellRun(
            cell_id,
            "error",
            f"cell '{cell_id}' was not run: {student_error(err)}; fix that line (nothing in the cell is defined until then)",
        )
    except (ValueError, MemoryError, RecursionError) as err:
        return CellRun(cell_id, "error", f"the cell cannot be compiled ({type(err).__name__})")
    try:
        with time_limit(timeout_s):
            exec(code, namespace)
        return CellRun(cell_id, "ok")
    except TimeLimit:
        status, message = (
            "timeout",
            f"cell '{cell_id}' ran for more than {timeout_s:g} s (top-level code that trains or loops?)",
        )
    except BaseException as err:  # SystemExit and KeyboardInterrupt from student code too
        status, message = "error", f"cell '{cell_id}' raised {student_error(err)}"
    if not allow_fallback:
        return CellRun(cell_id, status, message)
    try:
        with time_limit(timeout_s):
            exec(compile(definitions_only(source), filename(cell_id), "exec"), namespace)
    except BaseException as err:
        return CellRun(cell_id, status, f"{message}; its definitions alone also failed: {student_error(err)}")
    return CellRun(cell_id, "definitions-only", f"{message}; only its imports and definitions were kept")
