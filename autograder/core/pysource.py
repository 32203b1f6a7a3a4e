"""Parsing Python source in the grader, safe across threads.

CPython 3.11 can raise ``SystemError: AST constructor recursion depth mismatch`` when two threads
run :func:`ast.parse` at the same time (python/cpython#106905); the batch grades submissions on
threads, and each reads the submitted code's call graph. :func:`parse` holds one process-wide lock
around :func:`ast.parse` (a lock only: no state is kept between calls).
"""

from __future__ import annotations

import ast
import threading

_PARSING = threading.Lock()


def parse(source: str, filename: str = "<unknown>") -> ast.Module:
    """:func:`ast.parse`, one thread at a time.

    Raises:
        SyntaxError: The source does not parse.
    """
    with _PARSING:
        return ast.parse(source, filename)
