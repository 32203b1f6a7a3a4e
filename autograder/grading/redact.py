"""Keeping hidden inputs out of text a student reads.

Hidden checks run in a worker of their own, so the code that produced a public message never held
a hidden input; this module is the second line: every text the grader builds from something a
worker sent back (exception text, type names, cell messages) is scanned for the submission's hidden
inputs and expected values (numbers as printed at any precision, strings), hidden check ids and
hidden probe names, and each match is replaced by ``[hidden]``.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

MASK = "[hidden]"
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])")
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
    """

    values: np.ndarray
    strings: tuple[str, ...]
    windows: frozenset
    names: tuple[str, ...]

    def _hidden_number(self, token: str) -> bool:
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
        """``text`` with every hidden value, string and name replaced by ``[hidden]``."""
        if not text:
            return text
        for name in self.names:
            text = text.replace(name, MASK)
        for s in self.strings:
            text = text.replace(s, MASK)
        if self.windows and len(text) >= _WINDOW:
            hits = [i for i in range(len(text) - _WINDOW + 1) if text[i : i + _WINDOW] in self.windows]
            if hits:
                keep, last = [], 0
                for i in hits:
                    if i >= last:
                        keep.append(text[last:i] + MASK)
                        last = i + _WINDOW
                    elif i + _WINDOW > last:
                        last = i + _WINDOW
                text = "".join(keep) + text[last:]
        return _NUMBER.sub(lambda m: MASK if self._hidden_number(m.group(0)) else m.group(0), text)


def redactor(*, values: list, names: list[str]) -> Redactor:
    """A :class:`Redactor` for hidden ``values`` (inputs and expected values, any plain data) and ``names``."""
    nums: list = []
    strs: list = []
    for v in values:
        _numbers(v, nums)
        _strings(v, strs)
    arr = np.concatenate(nums) if nums else np.zeros(0)
    arr = np.unique(arr[np.isfinite(arr)])
    long = [s for s in strs if len(s) >= _WINDOW]
    windows = frozenset(s[i : i + _WINDOW] for s in long[:1000] for i in range(min(len(s) - _WINDOW + 1, 200_000)))
    return Redactor(
        arr,
        tuple(sorted(set(strs), key=len, reverse=True)),
        windows,
        tuple(sorted({n for n in names if len(n) >= 4}, key=len, reverse=True)),
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
