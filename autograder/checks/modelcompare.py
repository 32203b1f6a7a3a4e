"""Semantic comparison of two Keras model descriptions (from :func:`autograder.checks.probes.describe_model`).

Runs in the grader on plain data. The descriptions are already canonical (InputLayer skipped,
``TimeDistributed(Dense)`` as ``Dense``, activations and losses resolved through Keras), so two
models written differently but computing the same thing compare equal. The first difference found
is reported in words a student can act on; no malformed description makes it raise.
"""

from __future__ import annotations

import math

from autograder.checks.compare import OK, Outcome, compare_arrays, describe
from autograder.core.tolerance import Tolerance

_FLOAT_RTOL = 1e-6


def compare_models(what: str, received, expected: dict, *, tol: Tolerance, extra_metrics: bool = True) -> Outcome:
    """Compares the description of the student's model with the reference's.

    Args:
        what: Names the model in messages, e.g. ``"the model from build_char_lm(29, 8, 12)"``.
        received: The student's description (any plain value).
        expected: The reference's description.
        tol: Tolerance for the outputs on the fixed input (when the descriptions have them).
        extra_metrics: Whether metrics beyond the reference's are accepted (a missing one never is).

    Returns:
        The outcome, with the first difference found.
    """
    if not isinstance(received, dict) or not isinstance(received.get("returned"), str):
        return Outcome(False, "type", f"{what}: expected a Keras model, received {describe(received)}")
    returned = received["returned"]
    if returned == "None":
        return Outcome(
            False,
            "type",
            f"{what}: expected the function to return the model, but it returned None (add `return model` after building or compiling it)",
        )
    if returned != "keras.Model":
        return Outcome(False, "type", f"{what}: expected a Keras model, received a {returned}")
    if received.get("built") is not True:
        types = ", ".join(str(layer.get("type")) for layer in _dicts(received.get("layers")))
        return Outcome(
            False,
            "property",
            f"{what}: the function returned a model that was never built (layers: {types or 'none'}), so it has no weights to grade; "
            "start the model with keras.Input(shape=..., dtype=...) so that its weights are created",
        )
    for check in (_compare_layers, _compare_size, _compare_compile):
        out = check(what, received, expected)
        if not out.passed:
            return out
    out = _compare_metrics(what, received, expected, extra_metrics=extra_metrics)
    if not out.passed:
        return out
    if "outputs" in expected:
        if received.get("weight_shapes") != expected.get("weight_shapes"):
            return Outcome(
                False,
                "shape",
                f"{what}: expected weights of shapes {expected.get('weight_shapes')}, received {received.get('weight_shapes')}",
            )
        return compare_arrays(
            f"{what}: its outputs on a fixed input, every weight set to the same values",
            received.get("outputs"),
            expected["outputs"],
            tol=tol,
        )
    return OK


def _dicts(value) -> list:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _same(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        return a is b or (type(a) is type(b) and a == b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=_FLOAT_RTOL, abs_tol=1e-12)
    return type(a) is type(b) and a == b


def _fmt(value) -> str:
    return repr(value)


def _compare_layers(what: str, received: dict, expected: dict) -> Outcome:
    got, want = _dicts(received.get("layers")), _dicts(expected.get("layers"))
    got_types = [str(layer.get("type")) for layer in got]
    want_types = [str(layer.get("type")) for layer in want]
    if got_types != want_types:
        return Outcome(
            False,
            "values",
            f"{what}: expected the layers {', '.join(want_types)} (in this order), received {', '.join(got_types) or 'no layers'}",
        )
    for i, (g, w) in enumerate(zip(got, want), start=1):
        out = _compare_layer(f"{what}: layer {i} ({w.get('type')})", g, w)
        if not out.passed:
            return out
    return OK


def _compare_layer(where: str, got: dict, want: dict) -> Outcome:
    for key, value in want.items():
        if key in ("type", "params", "inner"):
            continue
        if not _same(got.get(key), value):
            return Outcome(
                False, "values", f"{where}: expected {key}={_fmt(value)}, received {key}={_fmt(got.get(key))}"
            )
    if isinstance(want.get("inner"), dict):
        inner = got.get("inner") if isinstance(got.get("inner"), dict) else {}
        if inner.get("type") != want["inner"].get("type"):
            return Outcome(
                False,
                "values",
                f"{where}: expected it to wrap a {want['inner'].get('type')}, received {inner.get('type')}",
            )
        out = _compare_layer(f"{where}, its {want['inner'].get('type')}", inner, want["inner"])
        if not out.passed:
            return out
    if "params" in want and not _same(got.get("params"), want["params"]):
        return Outcome(False, "values", f"{where}: expected {want['params']} parameters, received {got.get('params')}")
    return OK


def _compare_size(what: str, received: dict, expected: dict) -> Outcome:
    if "params" in expected and not _same(received.get("params"), expected["params"]):
        return Outcome(
            False,
            "values",
            f"{what}: expected {expected['params']} parameters in all, received {received.get('params')}",
        )
    return OK


def _loss_text(desc: dict) -> str:
    args = ", ".join(
        f"{k[5:]}={v!r}" for k, v in sorted(desc.items()) if k.startswith("loss.") and k != "loss.reduction"
    )
    return f"{desc.get('loss')}({args})"


def _compare_compile(what: str, received: dict, expected: dict) -> Outcome:
    if not expected.get("compiled"):
        return OK
    if not received.get("compiled"):
        how = "call model.compile(optimizer=..., loss=...) before returning it"
        return Outcome(
            False, "property", f"{what}: expected a compiled model, received one that was not compiled ({how})"
        )
    return _compare_loss(what, received, expected) or _compare_optimizer(what, received, expected) or OK


def _compare_loss(what: str, received: dict, expected: dict) -> Outcome | None:
    """The loss: the same class and arguments, or a custom one that computes the same value."""
    want_loss, got_loss = expected.get("loss"), received.get("loss")
    if isinstance(got_loss, str) and got_loss.startswith("custom:") and not str(want_loss).startswith("custom:"):
        want_value, got_value = expected.get("loss_value"), received.get("loss_value")
        if isinstance(want_value, float) and isinstance(got_value, float):
            if math.isclose(want_value, got_value, rel_tol=1e-5, abs_tol=1e-7):
                return None
        return Outcome(
            False,
            "values",
            f"{what}: expected the loss {_loss_text(expected)}, received a custom loss ({got_loss[7:]}) that gives "
            f"{_num(got_value)} instead of {_num(want_value)} on fixed targets and probabilities",
        )
    if got_loss != want_loss:
        return Outcome(
            False, "values", f"{what}: expected the loss {_loss_text(expected)}, received {_loss_text(received)}"
        )
    for key, value in sorted(expected.items()):
        if key.startswith("loss.") and not _same(received.get(key), value):
            got = f"{key[5:]}={received.get(key)!r}"
            return Outcome(False, "values", f"{what}: expected the loss {_loss_text(expected)}, received {got}")
    return None


def _compare_optimizer(what: str, received: dict, expected: dict) -> Outcome | None:
    """The optimizer: its class, learning rate and every other argument (defaults included)."""
    name = expected.get("optimizer")
    if received.get("optimizer") != name:
        return Outcome(False, "values", f"{what}: expected the optimizer {name}, received {received.get('optimizer')}")
    if not _same(received.get("learning_rate"), expected.get("learning_rate")):
        want, got = _num(expected.get("learning_rate")), _num(received.get("learning_rate"))
        return Outcome(
            False, "values", f"{what}: expected {name} with learning_rate={want}, received learning_rate={got}"
        )
    for key, value in sorted(expected.items()):
        if key.startswith("optimizer.") and not _same(received.get(key), value):
            got = f"{key[10:]}={received.get(key)!r}"
            return Outcome(
                False, "values", f"{what}: expected {name} with {key[10:]}={value!r} (the default), received {got}"
            )
    return None


def _num(value) -> str:
    return f"{value:.6g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else repr(value)


def _compare_metrics(what: str, received: dict, expected: dict, *, extra_metrics: bool) -> Outcome:
    if not expected.get("compiled"):
        return OK
    want = {str(m) for m in expected.get("metrics") or []}
    got_list = received.get("metrics")
    got = {str(m) for m in got_list} if isinstance(got_list, list) else set()
    missing = sorted(want - got)
    if missing:
        return Outcome(
            False,
            "values",
            f"{what}: expected the metrics to include {', '.join(missing)}, received {sorted(got) or 'no metrics'} (pass metrics=[...] to compile)",
        )
    extra = sorted(got - want)
    if extra and not extra_metrics:
        return Outcome(
            False, "values", f"{what}: expected exactly the metrics {sorted(want)}, received also {', '.join(extra)}"
        )
    return OK
