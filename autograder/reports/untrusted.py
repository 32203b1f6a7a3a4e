"""Student-controlled text made safe for each kind of text output.

Students choose the names of their submissions (folder and file names) and the text of the
messages their code produces (exception messages, returned strings); results read from disk may
also have been edited by hand. Every writer that puts such text into a terminal, a CSV file or
Markdown passes it through one of these functions first:

- :func:`terminal` and :func:`terminal_line`: no control character, no bidirectional override and
  no invisible character reaches a terminal; each is shown as a visible escape (``\\x1b``,
  ``\\u202e``), so a TA sees that something odd was there. An escape sequence (colours, cursor
  moves, OSC 8 hyperlinks, a window title) loses its ESC and is printed as plain text;
- :func:`csv_cell`: no cell is run as a formula by a spreadsheet (OWASP's CSV injection rule),
  while numbers stay numbers;
- :func:`markdown`: no link, image, emphasis, HTML, autolink or table break can be formed.

The HTML writers are Jinja2 templates with autoescaping instead (:mod:`autograder.reports.html`).
"""

from __future__ import annotations

import re
import unicodedata

# Unicode categories never printed as they are: controls (C0, DEL, C1), format characters (the
# bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks
# U+200E, U+200F and U+061C, the zero-width U+200B-U+200D, U+2060 and U+FEFF, the soft hyphen,
# tag characters), lone surrogates (a file name that is not UTF-8), line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    """A character's visible escape, as Python's ``repr`` writes it: ``\\r``, ``\\x1b``, ``\\u202e``."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _hidden(char: str, *, keep: str) -> bool:
    return char not in keep and unicodedata.category(char) in _HIDDEN_CATEGORIES


def _escape_hidden(text: str, *, keep: str) -> str:
    text = str(text)
    if text.isprintable():  # the common case: nothing to escape (isprintable is False for \n and \t)
        return text
    return "".join(_escape(c) if _hidden(c, keep=keep) else c for c in text)


def terminal(text: str) -> str:
    """Text safe to print on a terminal, newlines and tabs kept.

    Every control character but newline and tab (C0, DEL, C1 U+0080-U+009F), every bidirectional
    control and invisible formatting character ("Trojan Source": U+202A-U+202E, U+2066-U+2069,
    U+200E, U+200F, U+061C, the zero-width U+200B-U+200D, U+2060, U+FEFF, and the other Unicode
    format characters), lone surrogates and the line and paragraph separators U+2028 and U+2029
    are replaced by a visible escape (``\\x1b``, ``\\r``, ``\\u202e``). An escape sequence is thus
    harmless as a whole: without its ESC, ``\\x1b[2J`` or an OSC 8 hyperlink is printed as text.

    Args:
        text: Any text (a string is expected; anything else is converted with ``str``).

    Returns:
        The text with those characters escaped; unchanged when it has none.
    """
    return _escape_hidden(text, keep="\n\t")


def terminal_line(text: str) -> str:
    """Text safe to print within one line of a terminal: :func:`terminal`, with newlines and tabs
    escaped too (``\\n``, ``\\t``), for a progress line or a table cell.

    Args:
        text: Any text.

    Returns:
        One line with no control character.
    """
    return _escape_hidden(text, keep="")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet runs as a formula.

    Text whose first character (leading spaces aside) is ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return gets a leading ``'`` (OWASP's rule against CSV injection), except a plain
    number (``-1.5``, ``+2``, ``1e-3``), which stays a number. Control characters are then escaped
    as by :func:`terminal_line`, so no cell spans lines.

    Args:
        value: The cell's value: text, a number, or ``None`` (an empty cell).

    Returns:
        The cell's text.
    """
    if value is None:
        return ""
    text = str(value)
    if text.lstrip(" ").startswith(_FORMULA_START) and not _NUMBER.fullmatch(text.strip(" ")):
        text = "'" + text
    return terminal_line(text)


# Always escaped: a backslash escape for what can open emphasis, code, strikethrough, a link or
# image (the brackets), a table break or an attribute list; character references for what can
# open HTML or an autolink (``<``, ``>``) and for ``&``, which could write them as references.
_ALWAYS = {
    **{c: "\\" + c for c in "\\`*_{}[]|~#@"},
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
}
# At the start of the text only: what opens a heading, a list, a block quote, a thematic break or
# a setext underline (``#``, ``<`` and ``>`` are always escaped).
_BLOCK_START = frozenset("+-=")
_ORDERED_LIST = re.compile(r" *\d{1,9}[.)]")


def _markdown_char(text: str, i: int) -> str:
    char = text[i]
    if char in _ALWAYS:
        return _ALWAYS[char]
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if char in _BLOCK_START and not text[:i].strip(" "):
        return "\\" + char
    if char == "(" and before == "]":  # already no link (the bracket is escaped), and no "](" either
        return "\\("
    if char == "." and before.isalnum() and after.isalnum():  # www.example.com, e@mail.org, 1.5
        return "\\."
    if char == ":" and after == "/":  # http://, javascript://
        return "\\:"
    if char == "!" and after == "[":
        return "\\!"
    return char


def markdown(text: str) -> str:
    """Text safe inside a Markdown paragraph or a table cell (CommonMark and GitHub's flavour).

    Markdown's special characters are escaped where they could form anything: ``\\ ` * _ { } [ ]
    | ~ # @`` always (with a backslash), ``<``, ``>`` and ``&`` always (as ``&lt;``, ``&gt;`` and
    ``&amp;``, so no ``<`` is left to open a tag), ``+ - =`` and an ordered list's ``1.`` or
    ``1)`` at the start, a ``(`` after ``]``, a ``.`` between letters or digits and a ``:`` before
    ``/`` (GitHub's autolinks ``www.x.org``, ``http://x``, ``a@b.org``), ``!`` before ``[``. No
    link, image, emphasis, HTML tag, entity, autolink, heading, list or table break can be formed,
    and ordinary text (``sigmoid(x) is 1 / (1 + exp(-x))``) keeps its look. Control characters are
    then escaped as by :func:`terminal_line` (so newlines too: a caller that wants them as spaces
    joins the lines first).

    Args:
        text: Any text.

    Returns:
        Markdown that renders as the text itself, on one line.
    """
    text = str(text)
    out = [_markdown_char(text, i) for i in range(len(text))]
    ordered = _ORDERED_LIST.match(text)
    if ordered:
        end = ordered.end() - 1
        out[end] = "\\" + text[end]
    return terminal_line("".join(out))
