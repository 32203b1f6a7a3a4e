"""Comparisons of received values with expected ones: type, shape, dtype, then values.

Every function returns an :class:`Outcome` whose message says what was checked, what was expected
and what was received. Comparisons run only in the grader's process, on plain data.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from autograder.core.tolerance import Tolerance

VALUE_KEY = "value"
"""A probe that returns ``{"value": x, ...}`` (the function's result beside facts about it) has
``x`` reported as the value itself: messages never show this internal key."""


@dataclasses.dataclass(frozen=True)
class Outcome:
    """The verdict of one comparison.

    Attributes:
        passed: Whether the received value is acceptable.
        category: ``ok``, ``type``, ``shape``, ``dtype``, ``values``, ``length``, ``keys`` or ``property``.
        message: What was checked, expected and received (may contain values: public checks only).
    """

    passed: bool
    category: str = "ok"
    message: str = ""


OK = Outcome(True)

_NUMERIC_TYPES = {"numpy.ndarray", "tensorflow.Tensor", "tensorflow.Variable"}


def _fmt(x) -> str:
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    return repr(x.item() if isinstance(x, np.generic) else x)


def _index(idx) -> str:
    return "(" + ", ".join(str(int(i)) for i in idx) + (",)" if len(idx) == 1 else ")")


def rel_error(a, b) -> float:
    """Largest relative error ``|a-b| / max(1e-8, |a|+|b|)`` between two arrays."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def compare_arrays(what: str, received, expected: np.ndarray, *, tol: Tolerance, dtype: str = "kind") -> Outcome:
    """Compares an array with the expected one: shape, then dtype, then values.

    Args:
        what: Names the value in messages, e.g. ``"sigmoid(z)"``.
        received: The decoded value from the student's worker.
        expected: The reference value.
        tol: Tolerance for the values.
        dtype: ``"exact"`` (same dtype), ``"kind"`` (both floating, or both integer/bool) or ``"any"``.

    Returns:
        The outcome, with the first difference found.
    """
    expected = np.asarray(expected)
    if type(received) is not np.ndarray:
        if expected.ndim == 0 and isinstance(received, (int, float)) and not isinstance(received, bool):
            received = np.asarray(received)
        else:
            return Outcome(
                False, "type", f"{what}: expected an array of shape {expected.shape}, received {describe(received)}"
            )
    for failure in (
        _shapes_differ(what, received, expected),
        _dtypes_differ(what, received, expected, tol=tol, dtype=dtype),
    ):
        if failure is not None:
            return failure
    return _values_differ(what, received, expected, tol=tol) or OK


def _shapes_differ(what: str, received: np.ndarray, expected: np.ndarray) -> Outcome | None:
    if received.shape == expected.shape:
        return None
    hint = ""
    if received.ndim == expected.ndim == 2 and received.shape == expected.shape[::-1]:
        hint = " (transposed?)"
    elif received.size == expected.size:
        hint = " (same number of elements: reshaped, or an axis swapped?)"
    return Outcome(False, "shape", f"{what}: expected shape {expected.shape}, received {received.shape}{hint}")


def _dtypes_differ(
    what: str, received: np.ndarray, expected: np.ndarray, *, tol: Tolerance, dtype: str
) -> Outcome | None:
    if dtype == "exact" and received.dtype != expected.dtype:
        return Outcome(False, "dtype", f"{what}: expected dtype {expected.dtype}, received {received.dtype}")
    if dtype == "kind":
        ek, rk = expected.dtype.kind, received.dtype.kind
        if (ek == "f") != (rk == "f") or (ek in "U") != (rk in "U"):
            return Outcome(False, "dtype", f"{what}: expected dtype {expected.dtype}, received {received.dtype}")
        if ek == "f" and rk == "f" and received.dtype.itemsize < expected.dtype.itemsize and tol.rtol < 1e-6:
            return Outcome(
                False,
                "dtype",
                f"{what}: expected dtype {expected.dtype}, received {received.dtype} (precision lost: keep the input's dtype)",
            )
    return None


def _values_differ(what: str, received: np.ndarray, expected: np.ndarray, *, tol: Tolerance) -> Outcome | None:
    if expected.dtype.kind == "U" or received.dtype.kind == "U":
        bad = np.argwhere(received != expected)
        if len(bad):
            i = tuple(bad[0])
            return Outcome(
                False,
                "values",
                f"{what}: {len(bad)} of {expected.size} entries differ; at {_index(i)} expected {_fmt(expected[i])}, received {_fmt(received[i])}",
            )
        return None
    r = received.astype(np.float64)
    e = expected.astype(np.float64)
    nan_mismatch = np.isnan(r) != np.isnan(e)
    finite = np.abs(e[np.isfinite(e)])
    scale = max(1.0, float(finite.max(initial=0.0)))
    with np.errstate(invalid="ignore"):
        close = np.abs(r - e) <= tol.atol * scale + tol.rtol * np.abs(e)
        close |= r == e  # equal infinities
        close |= np.isnan(r) & np.isnan(e)
    close &= ~nan_mismatch
    if close.all():
        return None
    with np.errstate(invalid="ignore"):
        diff = np.where(close, 0.0, np.abs(r - e))
    worst = np.unravel_index(int(np.nanargmax(np.nan_to_num(diff, nan=np.inf))), diff.shape) if diff.ndim else ()
    count = int((~close).sum())
    where = f" at index {_index(worst)}" if diff.ndim else ""
    return Outcome(
        False,
        "values",
        f"{what}: values differ at {count} of {e.size} position{'s' if e.size != 1 else ''}; largest difference{where}: "
        f"expected {_fmt(e[worst])}, received {_fmt(r[worst])} ({tol.describe()})",
    )


def compare_scalar(what: str, received, expected, *, tol: Tolerance) -> Outcome:
    """Compares a number; a 0-d array or 1-element array counts only if the expected value is a scalar."""
    if isinstance(received, bool) or not isinstance(received, (int, float, np.ndarray)):
        return Outcome(False, "type", f"{what}: expected a number, received {describe(received)}")
    if isinstance(received, np.ndarray) and received.ndim != 0:
        return Outcome(
            False,
            "shape",
            f"{what}: expected a scalar, received an array of shape {received.shape} (reduce over all axes?)",
        )
    return compare_arrays(
        what, np.asarray(received, dtype=np.float64), np.asarray(expected, dtype=np.float64), tol=tol, dtype="any"
    )


def compare_values(what: str, received, expected, *, tol: Tolerance, dtype: str = "kind") -> Outcome:
    """Compares any plain value recursively: arrays, numbers, strings, lists/tuples and dicts."""
    if isinstance(expected, np.ndarray):
        if expected.ndim == 0 and not isinstance(received, np.ndarray):
            return compare_scalar(what, received, expected, tol=tol)
        return compare_arrays(what, received, expected, tol=tol, dtype=dtype)
    if isinstance(expected, bool) or isinstance(expected, str) or expected is None:
        if received != expected or type(received) is not type(expected):
            return Outcome(False, "values", f"{what}: expected {_fmt(expected)}, received {describe(received)}")
        return OK
    if isinstance(expected, (int, float)):
        return compare_scalar(what, received, expected, tol=tol)
    if isinstance(expected, (list, tuple)):
        kind = "tuple" if isinstance(expected, tuple) else "list"
        if not isinstance(received, (list, tuple)):
            return Outcome(
                False, "type", f"{what}: expected a {kind} of {len(expected)} items, received {describe(received)}"
            )
        if len(received) != len(expected):
            return Outcome(False, "length", f"{what}: expected {len(expected)} items, received {len(received)}")
        for i, (r, e) in enumerate(zip(received, expected)):
            out = compare_values(f"{what}[{i}]", r, e, tol=tol, dtype=dtype)
            if not out.passed:
                return out
        return OK
    if isinstance(expected, dict):
        if not isinstance(received, dict):
            return Outcome(
                False, "type", f"{what}: expected a dict with keys {sorted(expected)}, received {describe(received)}"
            )
        if set(received) != set(expected):
            return Outcome(False, "keys", f"{what}: expected keys {sorted(expected)}, received {sorted(received)}")
        for key in expected:
            name = what if key == VALUE_KEY else f"{what}[{key!r}]"
            out = compare_values(name, received[key], expected[key], tol=tol, dtype=dtype)
            if not out.passed:
                return out
        return OK
    raise TypeError(f"cannot compare with an expected value of type {type(expected).__name__}")


def describe(value) -> str:
    """A short description of a received value for messages (type and shape, not its contents)."""
    if value is None:
        return "None (did the function forget to return?)"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, bool):
        return f"the bool {value}"
    if isinstance(value, (int, float)):
        return f"the number {_fmt(value)}"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, dict):
        return f"a dict with keys {sorted(value)[:8]}"
    return f"a {type(value).__name__}"
