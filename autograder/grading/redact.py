"""Keeping hidden inputs out of text a student reads.

Hidden checks run in a worker of their own, so the code that produced a public message never held
a hidden input; this module is the second line: every text the grader builds from something a
worker sent back (exception text, type names, cell messages) is scanned for the submission's hidden
inputs and expected values (numbers as printed at any precision, strings), hidden check ids and
hidden probe names, and each match is replaced by ``[hidden]``.

What the student can already read is never masked: a hidden value or name that is also a token of
the release notebook (its text, cell ids and grade ids) or of the submitted code (an identifier, a
word, a number, a quoted string, a cell id) stays as written (:func:`public_tokens`). Masking it
would hide nothing and would turn ``name 'relu' is not defined`` into nonsense. The test is token
equality, never "occurs somewhere in", so a long hidden text is not uncovered by pasting a corpus
into a cell.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable

import numpy as np

MASK = "[hidden]"
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTED = re.compile(r"""(['"])((?:(?!\1)[^\\\n]){1,500})\1""")
_WINDOW = 12  # a hidden string this long or longer is also found by any 12-character piece of it
_MAX_VALUES = 2_000_000
_BUILTIN_EXCEPTIONS = {
    n for n, v in vars(__import__("builtins")).items() if isinstance(v, type) and issubclass(v, BaseException)
}


def _leaves(value, depth: int = 0):
    """Every leaf of nested plain data (the values of dicts, the items of lists and tuples), 15 levels at most."""
    if depth > 14:
        return
    if isinstance(value, (dict, list, tuple)):
        for v in value.values() if isinstance(value, dict) else value:
            yield from _leaves(v, depth + 1)
    else:
        yield value


def _numbers(value, out: list) -> None:
    for leaf in _leaves(value):
        if len(out) > _MAX_VALUES:
            return
        if isinstance(leaf, np.ndarray) and leaf.dtype.kind in "fiu" and leaf.size:
            out.append(np.asarray(leaf, dtype=np.float64).ravel()[:_MAX_VALUES])
        elif isinstance(leaf, (int, float, np.integer, np.floating)) and not isinstance(leaf, bool):
            out.append(np.asarray([float(leaf)]))


def _strings(value, out: list) -> None:
    for leaf in _leaves(value):
        if isinstance(leaf, str) and len(leaf) >= 4:
            out.append(leaf)
        elif isinstance(leaf, np.ndarray) and leaf.dtype.kind == "U":
            out.extend(str(v) for v in leaf.ravel()[:10000] if len(str(v)) >= 4)


@dataclasses.dataclass(frozen=True)
class Redactor:
    """Masks hidden values and names in text; build it with :func:`redactor`.

    Attributes:
        values: Sorted hidden numbers (finite, float64).
        strings: Hidden strings (4 characters or more), longest first.
        windows: Every 12-character piece of the longer hidden strings.
        names: Hidden check ids and hidden probe names, longest first.
        public: Tokens the student can read (:func:`public_tokens`): never masked.
    """

    values: np.ndarray
    strings: tuple[str, ...]
    windows: frozenset
    names: tuple[str, ...]
    public: frozenset = frozenset()

    def _hidden_number(self, token: str) -> bool:
        if token in self.public or token.lstrip("+-") in self.public:
            return False
        digits = re.sub(r"[eE].*", "", token).lstrip("+-").replace(".", "").lstrip("0")
        if len(digits) < 3 or not self.values.size:
            return False  # 1, 0.5, 42: too short to carry an input and too common to mask
        try:
            t = float(token)
        except ValueError:
            return False
        mantissa, _, exp = token.lower().partition("e")
        decimals = len(mantissa.partition(".")[2])
        resolution = 10.0 ** (
            int(exp or 0) - decimals
        )  # one unit in the last printed place (covers rounding and truncation)
        for target in (t, -t):
            i = int(np.searchsorted(self.values, target - resolution))
            if i < self.values.size and abs(self.values[i] - target) <= resolution * (1 + 1e-9) + 1e-300:
                return True
        return False

    def __call__(self, text: str) -> str:
        """``text`` with every hidden value, string and name replaced by ``[hidden]``, except where
        the match lies inside a public token (``concat`` inside ``concatenates``)."""
        if not text:
            return text
        spans = []
        for needle in (*self.names, *self.strings):
            at = text.find(needle)
            while at >= 0:
                spans.append((at, at + len(needle)))
                at = text.find(needle, at + 1)
        if self.windows and len(text) >= _WINDOW:
            spans += [(i, i + _WINDOW) for i in range(len(text) - _WINDOW + 1) if text[i : i + _WINDOW] in self.windows]
        spans += [m.span() for m in _NUMBER.finditer(text) if self._hidden_number(m.group(0))]
        if not spans:
            return text
        kept = sorted(self._public_spans(text))
        starts, reach = [p for p, _ in kept], list(itertools.accumulate((q for _, q in kept), max))

        def shown(
            a: int, b: int
        ) -> bool:  # inside a public token: some token starts at or before a, ends at or after b
            i = bisect.bisect_right(starts, a) - 1
            return i >= 0 and reach[i] >= b

        spans = sorted(sp for sp in spans if not shown(*sp))
        out, last = [], 0
        for a, b in spans:
            if a >= last:
                out.append(text[last:a] + MASK)
                last = b
            elif b > last:
                last = b
        return "".join(out) + text[last:]

    def _public_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` holds a public token (an identifier, dotted name or quoted string)."""
        if not self.public:
            return []
        found = [m.span() for m in _IDENTIFIER.finditer(text) if m.group(0) in self.public]
        found += [m.span() for m in _WORD.finditer(text) if m.group(0) in self.public]
        return found + [m.span(2) for m in _QUOTED.finditer(text) if m.group(2) in self.public]


def public_tokens(texts: Iterable[str]) -> frozenset[str]:
    """The tokens of text the student can read: identifiers and dotted names (``np.maximum``), words,
    numbers as written, and the contents of short quoted strings.

    Args:
        texts: The release notebook's cell sources, its cell and grade ids, the submission's code
            cells and their ids.
    """
    out: set[str] = set()
    for text in texts:
        for m in _IDENTIFIER.finditer(text):
            out.add(m.group(0))
            out.update(m.group(0).split("."))
        out.update(m.group(0).lstrip("+-") for m in _NUMBER.finditer(text))
        out.update(m.group(2) for m in _QUOTED.finditer(text))
    return frozenset(out)


def redactor(*, values: list, names: list[str], public: frozenset[str] = frozenset()) -> Redactor:
    """A :class:`Redactor` for hidden ``values`` (inputs and expected values, any plain data) and
    ``names``; a string or name that is one of the ``public`` tokens (:func:`public_tokens`) is left
    as written."""
    nums: list = []
    strs: list = []
    for v in values:
        _numbers(v, nums)
        _strings(v, strs)
    strs = [s for s in strs if s not in public]
    arr = np.concatenate(nums) if nums else np.zeros(0)
    arr = np.unique(arr[np.isfinite(arr)])
    long = [s for s in strs if len(s) >= _WINDOW]
    windows = frozenset(
        s[i : i + _WINDOW] for s in long[:1000] for i in range(min(len(s) - _WINDOW + 1, 200_000))
    ) - frozenset(public)
    return Redactor(
        arr,
        tuple(sorted(set(strs), key=len, reverse=True)),
        windows,
        tuple(sorted({n for n in names if len(n) >= 4 and n not in public}, key=len, reverse=True)),
        frozenset(public),
    )


def exception_name(name: str, *, code: str) -> str:
    """A student's exception type name as it may be shown next to a hidden check: a builtin
    exception, or a name written in the submitted code; anything else (a class made at run time,
    whose name could carry data) becomes ``an exception``."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,60}", name or "") and (
        name in _BUILTIN_EXCEPTIONS or re.search(rf"\b{name}\b", code)
    ):
        return name
    return "an exception"
