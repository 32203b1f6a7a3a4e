"""Student-controlled names made safe: one injective mapping from any name to an id that every
output can carry as it is (a path component, a CSV cell, a terminal line, an HTML attribute).

A submission's name comes from a folder or file name the student chose (nbgrader's
``submitted/<student>/``, a flat list's file stem, an LMS download's name). :func:`safe_id` keeps
ASCII letters, digits and ``_ . - @ +`` and writes every other byte as ``%XX`` (so ``%`` itself
too), like a URL: distinct names stay distinct, and nothing it returns can leave a folder
(``..``, ``/``), hide itself (a leading ``.``), start a spreadsheet formula (``= + - @``), carry a
control character or a bidirectional override, or contain a space (the special rows of the
grader's CSV files have one, so no student can pose as them). Very long names keep a prefix and
``%%`` and a digest of the whole. :func:`distinct` settles collisions that remain on case-insensitive file
systems (``Alice`` and ``alice``).
"""

from __future__ import annotations

import hashlib
import os
import re
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


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, never inside an escape (``%XX`` or ``%%``)."""
    cut = min(limit, len(text))
    while cut > 0 and ("%" in text[max(0, cut - 2) : cut]) and not _whole_escapes(text[:cut]):
        cut -= 1
    return text[:cut]


def _whole_escapes(text: str) -> bool:
    return re.fullmatch(_BODY, text) is not None


def safe_id(name: str) -> str:
    """The safe form of a student-controlled name (see the module docstring).

    Args:
        name: Any text (file names that are not UTF-8 arrive with surrogate escapes).

    Returns:
        A non-empty id of ASCII letters, digits, ``_ . - @ + %``, at most :data:`MAX_LENGTH` long,
        starting with a letter, digit, ``_`` or ``%``; the same for the same name, different for
        different names. A very long name keeps a prefix and ``%%`` and a digest of the whole:
        no short name's id holds ``%%`` (a ``%`` there is always ``%XX``), so no student can name
        a file like another's long id.
    """
    data = os.fsencode(name) if isinstance(name, str) else bytes(name)
    text = _escape(data, first=True) or "%00"
    if len(text) > MAX_LENGTH:
        digest = hashlib.sha256(data).hexdigest()[:12]
        text = f"{_cut(text, MAX_LENGTH - 14)}%%{digest}"
    return text


_BODY = r"(?:[A-Za-z0-9_]|%[0-9A-F]{2}|%%)(?:[A-Za-z0-9_.@+\-]|%[0-9A-F]{2}|%%)*"


def is_safe_id(name: str) -> bool:
    """Whether ``name`` is in the form :func:`safe_id` (and :func:`distinct`) return: kept characters
    and whole escapes only, at most :data:`MAX_LENGTH` long."""
    return isinstance(name, str) and 0 < len(name) <= MAX_LENGTH and _whole_escapes(name)


def distinct(name: str, taken: set[str], *, salt: str) -> str:
    """``name``, or ``name-<6 hex digits of salt>`` (another digest while needed) when a name equal
    to it ignoring case is in ``taken``; adds the result to ``taken`` (kept case-folded). The result
    is never longer than :data:`MAX_LENGTH` and never cuts an escape.

    Args:
        name: A safe id.
        taken: Case-folded ids already given out; updated.
        salt: Text that tells this submission apart (its path).
    """
    out, n = name, 0
    while out.casefold() in taken:
        n += 1
        seed = salt if n == 1 else f"{salt}\0{n}"
        suffix = "-" + hashlib.sha256(seed.encode("utf-8", "surrogateescape")).hexdigest()[:6]
        out = _cut(name, MAX_LENGTH - len(suffix)) + suffix
    taken.add(out.casefold())
    return out


def shown_path(path) -> str:
    """A path as a note may show it: every component that is not already a safe id (a name with a
    control character, a space, a formula...) is shown as its safe id."""
    parts = os.fsdecode(os.fspath(path)).split("/")
    return "/".join(p if p in ("", ".", "..") or is_safe_id(p) else safe_id(p) for p in parts)
