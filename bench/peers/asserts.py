"""One check written as the plain asserts a course without this suite would put in a grade cell.

The inputs and the expected value are computed once, here, from the check's own inputs builder and
the reference solution (the grader's :func:`autograder.grading.reference.compute_expected`), and written into
the code as Python literals: the peers' cells hold fixed inputs and stored expected values, as
nbgrader and otter courses do. What the asserts test mirrors the grader's verdicts
(:func:`autograder.checks.compare.compare_values`: type, shape, floating or not, then closeness with the
check's ``rtol`` and ``atol``), so that both grade the same thing; a verdict that cannot be written
as a few asserts on stored values (a Keras model's structure, scan calls, comparisons against
Keras layers or tapes run at grading time) makes the check :class:`Unsupported`, with the reason.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
import textwrap

import numpy as np

#: Verdicts written as asserts here, by function name.
SUPPORTED_VERDICTS = ("same_value", "same_numpy_value", "inputs_kept", "gradients_agree", "loss_falls")

#: Probes of the autograder package written out here (course probes are copied as they are).
SUPPORTED_REFS = (
    "autograder.checks.probes:call",
    "autograder.checks.probes:inputs_unchanged",
    "autograder.checks.probes:arguments_unchanged",
)

#: Defined once per notebook (nbgrader) or test file (otter), before the checks' asserts.
HELPERS = '''\
import copy as _copy
import random as _random
import sys as _sys
import warnings as _warnings

import numpy as np

# nbgrader scores a grade cell that writes to stderr as failed: a RuntimeWarning from np.exp on the
# extreme inputs of a check would cost the reference its points (the grader ignores warnings too).
_warnings.simplefilter("ignore")


def _seed(seed):
    """The seeds the grader sets before every check (autograder.sandbox.determinism.apply)."""
    _random.seed(seed)
    np.random.seed(seed % 2**32)
    tf = _sys.modules.get("tensorflow")
    if tf is not None:
        try:
            tf.config.experimental.enable_op_determinism()
        except Exception:
            pass
        keras = _sys.modules.get("keras")
        if keras is not None:
            keras.utils.set_random_seed(seed % 2**32)
        else:
            tf.random.set_seed(seed % 2**32)


def _plain(value):
    """TensorFlow tensors and numpy scalars as numpy arrays (what the grader's transport does)."""
    if type(value) is np.ndarray or value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return np.asarray(value)
    if type(value) in (list, tuple):
        return type(value)(_plain(v) for v in value)
    if type(value) is dict:
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "numpy"):
        return np.asarray(value.numpy())
    return value


def _same_plain(before, after):
    """Whether an argument is unchanged after a call: type, shape, dtype and values."""
    if isinstance(before, np.ndarray):
        return (isinstance(after, np.ndarray) and before.shape == after.shape and before.dtype == after.dtype
                and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"))
    if isinstance(before, dict):
        return isinstance(after, dict) and list(before) == list(after) and all(_same_plain(v, after[k]) for k, v in before.items())
    if isinstance(before, (list, tuple)):
        return type(after) is type(before) and len(after) == len(before) and all(_same_plain(a, b) for a, b in zip(before, after))
    if isinstance(before, float) and isinstance(after, float) and before != before:
        return after != after
    return type(after) is type(before) and bool(after == before)
'''


@dataclasses.dataclass(frozen=True)
class Written:
    """A check as asserts.

    Attributes:
        id: The check's id.
        target: The graded function.
        points: Its points.
        hidden: Whether it is hidden.
        body: Python statements (no indentation) that raise AssertionError when the check fails.
        requires: Ids of the checks whose asserts must also pass (written before this body).
    """

    id: str
    target: str
    points: float
    hidden: bool
    body: str
    requires: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Unsupported:
    """A check the peers cannot grade with plain asserts, and why."""

    id: str
    target: str
    points: float
    hidden: bool
    reason: str


def _helper_sources() -> str:
    """Small self-contained helpers of the autograder package that course probes import, copied
    into the peers' helpers (a course would copy them the same way)."""
    from autograder.checks import gradcheck, probes

    funcs = [
        probes.copy_inputs,
        probes._unchanged,
        probes.inputs_unchanged,
        probes.char_lm,
        gradcheck.numeric_gradient,
        gradcheck.against_differences,
        gradcheck.gradient_errors,
    ]
    sources = [textwrap.dedent(inspect.getsource(f)) for f in funcs]
    return "\n\n".join([f"FD_NOISE = {gradcheck.FD_NOISE!r}"] + sources)


#: What a course probe may import from the autograder package (defined in :data:`HELPERS`).
_HELPERS_ANYWHERE = {"copy_inputs", "inputs_unchanged", "char_lm", "numeric_gradient", "against_differences"}
HELPER_NAMES = {
    "autograder.checks": _HELPERS_ANYWHERE,
    "autograder.checks.probes": _HELPERS_ANYWHERE,
    "autograder.checks.gradcheck": _HELPERS_ANYWHERE,
}

HELPERS = HELPERS + "\n\n" + _helper_sources() + "\n"


def _strip_helper_imports(source: str) -> str:
    """Drops ``from autograder.X import ...`` lines that import only helpers defined in HELPERS."""
    out = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("from autograder."):
            module, _, names = stripped[len("from ") :].partition(" import ")
            wanted = {n.strip() for n in names.split(",")}
            if module in HELPER_NAMES and wanted <= HELPER_NAMES[module]:
                continue
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------------------------------
# Literals


def literal(value) -> str:
    """Python source that evaluates to ``value`` (plain data: arrays, numbers, strings, containers).

    Raises:
        TypeError: A value that is not plain data.
    """
    if value is None or isinstance(value, (bool, str)):
        return repr(value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, np.bool_):
        return repr(int(value))
    if isinstance(value, (float, np.floating)):
        return _float(float(value))
    if isinstance(value, np.bool_):
        return repr(bool(value))
    if isinstance(value, np.ndarray):
        if value.size == 0 and value.dtype.kind in "biufU":
            return f"np.zeros({value.shape!r}, dtype={str(value.dtype)!r})"
        if value.dtype.kind == "f":
            body = _nested(value, _float)
        elif value.dtype.kind in "biu":
            body = _nested(value, lambda x: repr(x.item() if isinstance(x, np.generic) else x))
        elif value.dtype.kind == "U":
            body = _nested(value, lambda x: repr(str(x)))
        else:
            raise TypeError(f"no literal for an array of dtype {value.dtype}")
        return f"np.array({body}, dtype={str(value.dtype)!r})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no literal for a {type(value).__name__}")


def _float(x: float) -> str:
    if math.isnan(x):
        return "float('nan')"
    if math.isinf(x):
        return "float('inf')" if x > 0 else "-float('inf')"
    return repr(x)


def _nested(a: np.ndarray, leaf) -> str:
    if a.ndim == 0:
        return leaf(a.item() if a.dtype.kind != "U" else str(a))
    if a.ndim == 1:
        return "[" + ", ".join(leaf(x.item() if a.dtype.kind != "U" else str(x)) for x in a) + "]"
    return "[" + ", ".join(_nested(row, leaf) for row in a) + "]"


# --------------------------------------------------------------------------------------------------
# Asserts on a value


def value_asserts(expr: str, expected, *, rtol: float, atol: float, dtype: str = "kind") -> list[str]:
    """Asserts that ``expr`` equals ``expected`` as :func:`autograder.checks.compare.compare_values` decides.

    Args:
        expr: Python expression of the received value (already passed through ``_plain``).
        expected: The reference's value (plain data).
        rtol: Relative tolerance.
        atol: Absolute tolerance, scaled (as the grader does) by the largest expected magnitude above 1.
        dtype: ``"kind"`` (both floating or both not) or ``"any"``.
    """
    if isinstance(expected, np.ndarray):
        if expected.ndim == 0:
            return _scalar_asserts(expr, float(expected), rtol=rtol, atol=atol)
        return _array_asserts(expr, expected, rtol=rtol, atol=atol, dtype=dtype)
    if expected is None or isinstance(expected, (bool, str)):
        return [
            f"assert type({expr}) is {type(expected).__name__} and {expr} == {literal(expected)}"
            if expected is not None
            else f"assert {expr} is None"
        ]
    if isinstance(expected, (int, float)):
        return _scalar_asserts(expr, float(expected), rtol=rtol, atol=atol)
    if isinstance(expected, (list, tuple)):
        out = [f"assert isinstance({expr}, (list, tuple)) and len({expr}) == {len(expected)}"]
        for i, e in enumerate(expected):
            out += value_asserts(f"{expr}[{i}]", e, rtol=rtol, atol=atol, dtype=dtype)
        return out
    if isinstance(expected, dict):
        out = [f"assert isinstance({expr}, dict) and set({expr}) == set({literal(list(expected))})"]
        for k, e in expected.items():
            out += value_asserts(f"{expr}[{literal(k)}]", e, rtol=rtol, atol=atol, dtype=dtype)
        return out
    raise TypeError(f"cannot write asserts for an expected {type(expected).__name__}")


def _scalar_asserts(expr: str, e: float, *, rtol: float, atol: float) -> list[str]:
    scale = max(1.0, abs(e)) if math.isfinite(e) else 1.0
    return [
        f"assert not isinstance({expr}, bool) and isinstance({expr}, (int, float, np.ndarray)) and np.ndim({expr}) == 0",
        f"assert np.allclose(np.float64({expr}), {_float(e)}, rtol={rtol!r}, atol={atol * scale!r}, equal_nan=True)",
    ]


def _array_asserts(expr: str, e: np.ndarray, *, rtol: float, atol: float, dtype: str) -> list[str]:
    out = [f"assert isinstance({expr}, np.ndarray) and {expr}.shape == {e.shape!r}"]
    if dtype == "kind":
        if e.dtype.kind == "f":
            out.append(f"assert {expr}.dtype.kind == 'f'")
            if rtol < 1e-6:
                out.append(f"assert {expr}.dtype.itemsize >= {e.dtype.itemsize}")
        elif e.dtype.kind == "U":
            out.append(f"assert {expr}.dtype.kind == 'U'")
        else:
            out.append(f"assert {expr}.dtype.kind not in 'fU'")
    if e.dtype.kind == "U":
        out.append(f"assert np.array_equal({expr}, {literal(e)})")
        return out
    finite = np.abs(e[np.isfinite(e)]) if e.dtype.kind == "f" else np.abs(e)
    scale = max(1.0, float(finite.max(initial=0.0)))
    out.append(
        f"assert np.allclose({expr}.astype(np.float64), {literal(e.astype(np.float64) if e.dtype.kind != 'f' else e)}, "
        f"rtol={rtol!r}, atol={atol * scale!r}, equal_nan=True)"
    )
    return out


# --------------------------------------------------------------------------------------------------
# One check


def write_check(
    check, *, inputs: dict, expected, seed: int, points: float, hidden: bool, rtol: float, atol: float
) -> Written | Unsupported:
    """Writes one check as asserts on stored inputs and expected values, or says why it cannot.

    Args:
        check: The :class:`autograder.checks.check.Check`.
        inputs: The inputs the check uses (built from ``seed``).
        expected: The reference's probe value on those inputs (None for self-judging checks).
        seed: The seed the grader sets before the probe.
        points: The check's points.
        hidden: Whether it is hidden.
        rtol: Its relative tolerance.
        atol: Its absolute tolerance.
    """
    verdict = getattr(check.verdict, "__name__", repr(check.verdict))

    def no(reason: str) -> Unsupported:
        return Unsupported(check.id, check.target, points, hidden, reason)

    if verdict not in SUPPORTED_VERDICTS:
        return no(
            f"verdict `{verdict}` compares more than stored values (it runs Keras, inspects calls or models at grading time)"
        )
    probe_lines: list[str]
    ref = check.probe_spec().get("ref")
    if ref is not None:
        if ref not in SUPPORTED_REFS:
            return no(f"probe `{ref}` is the autograder's own machinery")
        probe_lines = _ref_probe(ref, check.target)
    else:
        try:
            source = textwrap.dedent(inspect.getsource(check.probe))
        except (OSError, TypeError):
            return no("its probe's source is not available")
        source = _strip_helper_imports(source)
        if "autograder" in source:
            return no(f"probe `{check.probe.__name__}` uses the autograder package beyond its small helpers")
        probe_lines = [source.rstrip(), "", f"_raw = {check.probe.__name__}(globals(), {check.target!r}, inputs)"]
    try:
        lines = [f"# {check.id}: {check.what}", f"inputs = {literal(inputs)}", f"_seed({seed})"] + probe_lines
        if verdict == "same_numpy_value":
            lines.append("assert not type(_raw).__module__.startswith('tensorflow'), 'expected a numpy array'")
        lines.append("received = _plain(_raw)")
    except TypeError as err:
        return no(f"its inputs are not plain data ({err})")
    try:
        if verdict in ("same_value", "same_numpy_value"):
            lines += value_asserts("received", expected, rtol=rtol, atol=atol)
        elif verdict == "inputs_kept":
            wanted = [p for p, same in expected.items() if same] if isinstance(expected, dict) else None
            if wanted is None:
                return no("inputs_kept without a reference result")
            lines.append("assert isinstance(received, dict)")
            lines += [
                f"assert received.get({p!r}) is True, {('input ' + p + ' was modified in place')!r}" for p in wanted
            ]
        elif verdict == "gradients_agree":
            lines += [
                "a, n = received['analytic'], received['numeric']",
                "assert isinstance(a, np.ndarray) and isinstance(n, np.ndarray) and a.shape == n.shape",
                "assert np.all(np.isfinite(a))",
                f"assert np.max(gradient_errors(a, n, {rtol!r}), initial=0.0) <= {rtol!r}",
            ]
        elif verdict == "loss_falls":
            lines += [
                "assert isinstance(received, np.ndarray) and received.ndim == 1 and received.size >= 2",
                "assert np.isfinite(received[-1]) and received[-1] <= 0.5 * received[0]",
            ]
    except TypeError as err:
        return no(str(err))
    body = "\n".join(lines)
    return Written(check.id, check.target, points, hidden, body, tuple(check.requires))


def _ref_probe(ref: str, target: str) -> list[str]:
    if ref == "autograder.checks.probes:call":
        return [f"_raw = {target}(**_copy.deepcopy(inputs))"]
    if ref == "autograder.checks.probes:arguments_unchanged":
        return [
            "args = _copy.deepcopy(inputs)",
            f"{target}(**args)",
            "_raw = {name: _same_plain(value, args.get(name)) for name, value in inputs.items()}",
        ]
    # inputs_unchanged: every array among the inputs, nested in dicts and lists, by its path
    return [
        "args = _copy.deepcopy(inputs)",
        f"{target}(**args)",
        "def _unchanged(before, after, path):",
        "    if isinstance(before, np.ndarray):",
        "        yield path, (isinstance(after, np.ndarray) and before.shape == after.shape",
        "                     and np.array_equal(before, after, equal_nan=before.dtype.kind in 'fc'))",
        "    elif isinstance(before, dict):",
        "        for key, value in before.items():",
        "            yield from _unchanged(value, after.get(key) if isinstance(after, dict) else None,",
        "                                  f'{path}[{key!r}]' if path else str(key))",
        "    elif isinstance(before, (list, tuple)):",
        "        for i, value in enumerate(before):",
        "            other = after[i] if isinstance(after, (list, tuple)) and i < len(after) else None",
        "            yield from _unchanged(value, other, f'{path}[{i}]')",
        "_raw = {path: bool(same) for path, same in _unchanged(inputs, args, '')}",
    ]
