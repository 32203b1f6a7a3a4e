"""Library probes: run in the student's worker (and on the reference, in the grader).

Each has the signature ``probe(namespace, target, inputs)`` and returns plain data.
"""

from __future__ import annotations

import numpy as np


def call(ns: dict, target: str, inputs: dict):
    """Calls ``target(**inputs)`` with fresh copies of the inputs, nested arrays included (so in-place
    edits are harmless, also to the inputs the grader keeps after running the reference)."""
    return ns[target](**copy_inputs(inputs))


def call_positional(ns: dict, target: str, inputs: dict):
    """Calls ``target(*inputs["args"])``."""
    return ns[target](*copy_inputs(list(inputs["args"])))


def inputs_unchanged(ns: dict, target: str, inputs: dict):
    """Calls the target on copies of the inputs and reports, for every array among them (nested in
    dicts and lists too, e.g. ``params['W1']``), whether the call left it unchanged."""
    args = copy_inputs(inputs)
    ns[target](**args)
    return {path: bool(same) for path, same in _unchanged(inputs, args, "")}


def _unchanged(before, after, path: str):
    if isinstance(before, np.ndarray):
        yield path, (isinstance(after, np.ndarray) and before.shape == after.shape
                     and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"))
    elif isinstance(before, dict):
        for key, value in before.items():
            yield from _unchanged(value, after.get(key) if isinstance(after, dict) else None,
                                  f"{path}[{key!r}]" if path else str(key))
    elif isinstance(before, (list, tuple)):
        for i, value in enumerate(before):
            other = after[i] if isinstance(after, (list, tuple)) and i < len(after) else None
            yield from _unchanged(value, other, f"{path}[{i}]")


def describe_model(model) -> dict:
    """Plain description of a Keras model: layers (type, key settings, parameters) and compile arguments."""
    keys = ("units", "activation", "input_dim", "output_dim", "mask_zero", "return_sequences", "return_state",
            "reset_after", "merge_mode", "pool_size", "data_format", "rate", "use_bias", "filters", "kernel_size")
    layers = []
    for layer in model.layers:
        config = layer.get_config()
        entry = {"type": type(layer).__name__, "params": int(layer.count_params())}
        for key in keys:
            if key in config:
                value = config[key]
                if key == "activation" and not isinstance(value, str):
                    value = getattr(value, "__name__", str(value))
                if isinstance(value, (bool, int, float, str)) or value is None:
                    entry[key] = value
        if "layer" in config and hasattr(layer, "forward_layer"):
            inner = layer.forward_layer
            entry["inner"] = {"type": type(inner).__name__, "units": int(getattr(inner, "units", 0)),
                              "return_sequences": bool(getattr(inner, "return_sequences", False))}
        layers.append(entry)
    out = {"layers": layers, "params": int(model.count_params()), "compiled": bool(getattr(model, "compiled", False)) and model.optimizer is not None}
    if out["compiled"]:
        loss = model.loss
        out["loss"] = type(loss).__name__ if not isinstance(loss, str) and not callable(loss) or hasattr(loss, "get_config") else str(getattr(loss, "__name__", loss))
        if hasattr(loss, "get_config"):
            cfg = loss.get_config()
            for key in ("from_logits", "ignore_class", "reduction"):
                if key in cfg:
                    out[f"loss.{key}"] = cfg[key]
        out["optimizer"] = type(model.optimizer).__name__
        out["learning_rate"] = float(np.asarray(model.optimizer.learning_rate))
    return out


def build_and_describe(ns: dict, target: str, inputs: dict):
    """Calls a model-building function and describes the model it returns."""
    model = ns[target](**inputs)
    return describe_model(model)


def copy_inputs(inputs):
    """A deep copy of plain-data inputs (arrays, and dicts/lists of them), so a student's in-place
    edits cannot change what the next call or check sees."""
    if isinstance(inputs, np.ndarray):
        return inputs.copy()
    if isinstance(inputs, dict):
        return {k: copy_inputs(v) for k, v in inputs.items()}
    if isinstance(inputs, (list, tuple)):
        return type(inputs)(copy_inputs(v) for v in inputs)
    return inputs


def arguments_unchanged(ns: dict, target: str, inputs: dict):
    """Calls the target on deep copies of the inputs and reports, for every argument, whether the
    call left it equal to what it was. Unlike :func:`inputs_unchanged`, lists, dicts, strings and
    numbers count too, so a vocabulary builder that appends to the corpus' sentences, or a trainer
    that inserts start symbols into its sequences, is caught."""
    args = copy_inputs(inputs)
    ns[target](**args)
    return {name: bool(_same_plain(value, args.get(name))) for name, value in inputs.items()}


def _same_plain(before, after) -> bool:
    if isinstance(before, np.ndarray):
        return (isinstance(after, np.ndarray) and before.shape == after.shape and before.dtype == after.dtype
                and np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"))
    if isinstance(before, dict):
        return (isinstance(after, dict) and list(before) == list(after)
                and all(_same_plain(v, after[k]) for k, v in before.items()))
    if isinstance(before, (list, tuple)):
        return (type(after) is type(before) and len(after) == len(before)
                and all(_same_plain(a, b) for a, b in zip(before, after)))
    if isinstance(before, float) and isinstance(after, float) and before != before:
        return after != after
    return type(after) is type(before) and bool(after == before)
