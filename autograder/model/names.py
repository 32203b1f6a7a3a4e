"""Student-controlled names made safe: one injective mapping from any name to an id that every
output can carry as it is (a path component, a CSV cell, a terminal line, an HTML attribute).

A submission's name comes from a folder or file name the student chose (nbgrader's
``submitted/<student>/``, a flat list's file stem, an LMS download's name). :func:`safe_id` keeps
ASCII letters, digits and ``_ . - @ +`` and writes every other byte as ``%XX`` (so ``%`` itself
too), like a URL: distinct names stay distinct, and nothing it returns can leave a folder
(``..``, ``/``), hide itself (a leading ``.``), start a spreadsheet formula (``= + - @``), carry a
control character or a bidirectional override, or contain a space (the special rows of the
grader's CSV files have one, so no student can pose as them). Very long names keep a prefix and
a digest of the whole. :func:`distinct` settles collisions that remain on case-insensitive file
systems (``Alice`` and ``alice``).
"""

from __future__ import annotations

import hashlib
import os
import string

_KEEP = frozenset(string.ascii_letters + string.digits + "_.-@+")
_FIRST = frozenset(string.ascii_letters + string.digits + "_")  # no hidden file, no formula, no option
MAX_LENGTH = 96


def _escape(data: bytes, *, first: bool) -> str:
    out = []
    for n, byte in enumerate(data):
        char = chr(byte)
        keep = _FIRST if (first and n == 0) else _KEEP
        out.append(char if char in keep else f"%{byte:02X}")
    return "".join(out)


def safe_id(name: str) -> str:
    """The safe form of a student-controlled name (see the module docstring).

    Args:
        name: Any text (file names that are not UTF-8 arrive with surrogate escapes).

    Returns:
        A non-empty id of ASCII letters, digits, ``_ . - @ + %``, at most :data:`MAX_LENGTH` long,
        starting with a letter, digit, ``_`` or ``%``; the same for the same name, different for
        different names (a very long name keeps a digest of the whole).
    """
    data = os.fsencode(name) if isinstance(name, str) else bytes(name)
    text = _escape(data, first=True) or "%00"
    if len(text) > MAX_LENGTH:
        digest = hashlib.sha256(data).hexdigest()[:12]
        cut = MAX_LENGTH - 13
        while "%" in text[max(0, cut - 2) : cut]:  # never half an escape
            cut -= 1
        text = f"{text[:cut]}-{digest}"
    return text


def is_safe_id(name: str) -> bool:
    """Whether every character of ``name`` is one :func:`safe_id` may return, in a place it may."""
    if not isinstance(name, str) or not name or len(name) > MAX_LENGTH or not (name[0] in _FIRST or name[0] == "%"):
        return False
    return all(c in _KEEP or c == "%" for c in name)


def distinct(name: str, taken: set[str], *, salt: str) -> str:
    """``name``, or ``name-<6 hex digits of salt>`` (and more while needed) when a name equal to it
    ignoring case is in ``taken``; adds the result to ``taken`` (kept case-folded).

    Args:
        name: A safe id.
        taken: Case-folded ids already given out; updated.
        salt: Text that tells this submission apart (its path).
    """
    out = name
    if out.casefold() in taken:
        out = f"{name[: MAX_LENGTH - 7]}-{hashlib.sha256(salt.encode('utf-8', 'surrogateescape')).hexdigest()[:6]}"
        while out.casefold() in taken:
            out += "x"
    taken.add(out.casefold())
    return out
