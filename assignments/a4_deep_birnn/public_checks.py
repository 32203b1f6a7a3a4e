"""Public checks of assignment 4 (released: students run them with `autograder check`).

Keras's batch-major layout: x_seq (m, T, n_x), states (m, n_h). Sizes are all distinct (batch 6,
time 5, input 4, hidden 3, second layer 2) so that a transposed or swapped axis changes a shape or
the values. Keras parity checks compare the student's float64 numpy output with a float32 Keras
layer holding the same weights, in the student's worker (self-judged, tolerance in grading.yml).
"""

import numpy as np

from autograder.checks import Check, Outcome, compare_arrays, describe, same_model, same_numpy_value

M, T, N_X, N_H, N_H2 = 6, 5, 4, 3, 2


def rnn_params(rng, n_x=N_X, n_h=N_H, scale=0.6, *, zero=()):
    """SimpleRNN weights in Keras's layout; names in ``zero`` are set to zeros (isolation cases)."""
    p = {
        "kernel": rng.normal(size=(n_x, n_h)) * scale,
        "recurrent_kernel": rng.normal(size=(n_h, n_h)) * scale,
        "bias": rng.normal(size=n_h) * 0.3,
    }
    for k in zero:
        p[k] = np.zeros_like(p[k])
    return p


def layer_inputs(m=M, t=T, n_x=N_X, n_h=N_H, *, zero=()):
    """Inputs of rnn_layer_forward / reverse_rnn_layer; ``zero`` may name x_seq, h0 or a weight."""

    def build(rng):
        d = {"x_seq": rng.normal(size=(m, t, n_x)), "h0": rng.normal(size=(m, n_h)) * 0.5, **rnn_params(rng, n_x, n_h)}
        for k in zero:
            d[k] = np.zeros_like(d[k])
        return d

    return build


def deep_inputs(m=M, t=T, n_x=N_X, sizes=(N_H, N_H2)):
    """Inputs of deep_rnn_forward: a stack of layers with the given hidden sizes."""

    def build(rng):
        layers, n_in = [], n_x
        for n_h in sizes:
            layers.append(rnn_params(rng, n_in, n_h))
            n_in = n_h
        return {"x_seq": rng.normal(size=(m, t, n_x)), "layers": layers}

    return build


def bi_inputs(m=M, t=T, n_x=N_X, n_h=N_H, merge_mode="concat", *, zero_backward=False):
    """Inputs of bidirectional_forward (merge_mode None: left out, so the default 'concat' is used)."""

    def build(rng):
        d = {
            "x_seq": rng.normal(size=(m, t, n_x)),
            "fwd_params": rnn_params(rng, n_x, n_h),
            "bwd_params": rnn_params(rng, n_x, n_h),
        }
        if merge_mode is not None:
            d["merge_mode"] = merge_mode
        if zero_backward:
            d["bwd_params"] = {k: np.zeros_like(v) for k, v in d["bwd_params"].items()}
        return d

    return build


def deep_bi_inputs(m=M, t=T, n_x=N_X, sizes=(N_H, N_H2), merge_mode="concat"):
    """Inputs of deep_birnn_forward: a stack of bidirectional layers (merge_mode None: left out)."""

    def build(rng):
        layers, n_in = [], n_x
        for n_h in sizes:
            layers.append({"forward": rnn_params(rng, n_in, n_h), "backward": rnn_params(rng, n_in, n_h)})
            n_in = n_h if merge_mode == "sum" else 2 * n_h
        d = {"x_seq": rng.normal(size=(m, t, n_x)), "layers": layers}
        if merge_mode is not None:
            d["merge_mode"] = merge_mode
        return d

    return build


def probe_numpy(ns, target, inputs):
    """Calls the target on deep copies of the inputs (nested dicts and lists included)."""
    from autograder.checks import copy_inputs

    return ns[target](**copy_inputs(inputs))


def probe_reverse(ns, target, inputs):
    """reverse_sequence's result, whether its input survived unchanged, and whether the result is a
    new array (not a view that shares x_seq's memory, as the docstring asks)."""
    import numpy as np

    x = inputs["x_seq"].copy()
    out = ns[target](x)
    return {
        "result": out,
        "input_unchanged": bool(np.array_equal(x, inputs["x_seq"])),
        "new_array": not (isinstance(out, np.ndarray) and np.shares_memory(out, x)),
    }


def probe_counts(ns, target, inputs):
    """A counting function called on several argument tuples; a list of its results."""
    return [ns[target](*args) for args in inputs["args"]]


def probe_keras_layer(ns, target, inputs):
    """rnn_layer_forward and keras SimpleRNN(return_sequences=True) with the same weights and initial state."""
    import keras
    import numpy as np

    from autograder.checks import copy_inputs

    x, h0 = inputs["x_seq"], inputs["h0"]
    layer = keras.layers.SimpleRNN(h0.shape[1], return_sequences=True)
    layer.build((None,) + x.shape[1:])
    layer.set_weights(
        [
            inputs["kernel"].astype("float32"),
            inputs["recurrent_kernel"].astype("float32"),
            inputs["bias"].astype("float32"),
        ]
    )
    theirs = np.asarray(layer(x.astype("float32"), initial_state=h0.astype("float32")), dtype=np.float64)
    return {"yours": ns[target](**copy_inputs(inputs)), "keras": theirs}


def probe_keras_deep(ns, target, inputs):
    """deep_rnn_forward and a stack of keras SimpleRNN(return_sequences=True) layers with the same weights."""
    import keras
    import numpy as np

    from autograder.checks import copy_inputs

    y = inputs["x_seq"].astype("float32")
    for p in inputs["layers"]:
        layer = keras.layers.SimpleRNN(p["bias"].shape[0], return_sequences=True)
        layer.build((None,) + y.shape[1:])
        layer.set_weights(
            [p["kernel"].astype("float32"), p["recurrent_kernel"].astype("float32"), p["bias"].astype("float32")]
        )
        y = np.asarray(layer(y))
    return {"yours": ns[target](**copy_inputs(inputs)), "keras": y.astype(np.float64)}


def probe_keras_bidirectional(ns, target, inputs):
    """bidirectional_forward (or deep_birnn_forward) and keras Bidirectional(SimpleRNN) layer(s) with the same weights."""
    import keras
    import numpy as np

    from autograder.checks import copy_inputs

    if "layers" in inputs:
        stack = inputs["layers"]
    else:
        stack = [{"forward": inputs["fwd_params"], "backward": inputs["bwd_params"]}]
    y = inputs["x_seq"].astype("float32")
    for pair in stack:
        layer = keras.layers.Bidirectional(
            keras.layers.SimpleRNN(pair["forward"]["bias"].shape[0], return_sequences=True),
            merge_mode=inputs["merge_mode"],
        )
        layer.build((None,) + y.shape[1:])
        layer.set_weights(
            [
                pair[d][k].astype("float32")
                for d in ("forward", "backward")
                for k in ("kernel", "recurrent_kernel", "bias")
            ]
        )
        y = np.asarray(layer(y))
    return {"yours": ns[target](**copy_inputs(inputs)), "keras": y.astype(np.float64)}


def matches_keras(received, expected, ctx):
    """Verdict: the student's numpy output equals the Keras layer's output (same weights) within the tolerance."""
    if not isinstance(received, dict) or set(received) != {"yours", "keras"}:
        return Outcome(False, "type", f"{ctx.what}: the outputs could not be collected ({describe(received)})")
    return compare_arrays(
        f"{ctx.what}: your output against Keras's", received["yours"], received["keras"], tol=ctx.tol, dtype="any"
    )


def probe_uses_scan(ns, target, inputs):
    """Calls the target with the notebook's ``scan`` wrapped in a counter; reports whether scan was
    called over the time axis (elems of length T) and how many times."""
    from autograder.checks import copy_inputs

    original = ns.get("scan")
    lengths = []

    def counting_scan(fn, elems, initializer):
        lengths.append(len(elems))
        return original(fn, elems, initializer)

    ns["scan"] = counting_scan
    try:
        ns[target](**copy_inputs(inputs))
    finally:
        ns["scan"] = original
    return {"scan_over_time": inputs["x_seq"].shape[1] in lengths, "calls": len(lengths)}


def uses_scan(received, expected, ctx):
    """Verdict: the function called the notebook's scan over the time axis (the docstring requires it)."""
    if not isinstance(received, dict) or "scan_over_time" not in received:
        return Outcome(False, "type", f"{ctx.what}: the calls could not be counted ({describe(received)})")
    if received["scan_over_time"]:
        return Outcome(True)
    T = ctx.inputs["x_seq"].shape[1]
    seen = (
        "never called scan"
        if not received["calls"]
        else f"called scan {received['calls']} time(s), never over the {T} time steps"
    )
    return Outcome(
        False,
        "property",
        f"{ctx.what}: the docstring requires scan over the time axis (elems of length T = {T}); "
        f"your function {seen} (a Python loop over time does not count)",
    )


def probe_model(ns, target, inputs):
    """Builds the student's model and describes it (layers, parameters, compile arguments and, given
    ``sample_input``, its outputs with fixed weights; see autograder.checks.describe_model)."""
    from autograder.checks import build_and_describe

    return build_and_describe(ns, target, inputs)


CHECKS = [
    Check(
        "rnn_layer_forward.values",
        "rnn_layer_forward",
        "rnn_layer_forward(x_seq (6, 5, 4), h0 (6, 3), kernel (4, 3), recurrent_kernel (3, 3), bias (3,))",
        layer_inputs(),
        verdict=same_numpy_value,
        hint="scan over time: transpose x_seq to (T, m, n_x), step h -> tanh(x_t @ kernel + h @ recurrent_kernel + "
        "bias), transpose the result back to (m, T, n_h)",
    ),
    Check(
        "rnn_layer_forward.scan",
        "rnn_layer_forward",
        "how rnn_layer_forward(x_seq (6, 5, 4), ...) runs over time",
        layer_inputs(),
        probe=probe_uses_scan,
        verdict=uses_scan,
        requires=("rnn_layer_forward.values",),
        hint="call scan(step, elems, initializer) with elems = x_seq moved to time-major (T, m, n_x), instead of a Python loop over t",
    ),
    Check(
        "deep_rnn_forward.values",
        "deep_rnn_forward",
        "deep_rnn_forward on x_seq (6, 5, 4) with layers of 3 then 2 units",
        deep_inputs(),
        probe=probe_numpy,
        verdict=same_numpy_value,
        hint="feed each layer's WHOLE output sequence (m, T, n_h) to the next layer, and start every layer from zeros of its own size",
    ),
    Check(
        "deep_rnn_forward.keras",
        "deep_rnn_forward",
        "deep_rnn_forward against two stacked keras SimpleRNN(return_sequences=True) layers",
        deep_inputs(),
        probe=probe_keras_deep,
        verdict=matches_keras,
        reference=False,
        hint="Keras feeds each layer's full output sequence to the next, every layer starting from a zero state",
    ),
    Check(
        "reverse_sequence.values",
        "reverse_sequence",
        "reverse_sequence(x_seq (6, 5, 4))",
        lambda rng: {"x_seq": rng.normal(size=(6, 5, 4))},
        probe=probe_reverse,
        hint="reverse the TIME axis (axis 1) only, into a new array: x_seq[:, ::-1].copy() (x_seq[:, ::-1] alone is a view of x_seq)",
    ),
    Check(
        "reverse_rnn_layer.values",
        "reverse_rnn_layer",
        "reverse_rnn_layer(x_seq (6, 5, 4), h0 (6, 3), ...)",
        layer_inputs(),
        verdict=same_numpy_value,
        hint="reverse x_seq in time, run rnn_layer_forward, then reverse its outputs back so that step t holds the state that has read x_T ... x_t",
    ),
    Check(
        "bidirectional_forward.concat",
        "bidirectional_forward",
        "bidirectional_forward(x_seq (6, 5, 4), 3 units per direction, 'concat')",
        bi_inputs(),
        probe=probe_numpy,
        verdict=same_numpy_value,
        hint="zero initial states; concatenate [forward, backward] along the LAST axis, forward first",
    ),
    Check(
        "bidirectional_forward.sum",
        "bidirectional_forward",
        "bidirectional_forward(x_seq (6, 5, 4), 3 units per direction, 'sum')",
        bi_inputs(merge_mode="sum"),
        probe=probe_numpy,
        verdict=same_numpy_value,
        hint="'sum' adds the forward and the re-aligned backward outputs: shape (m, T, n_h)",
    ),
    Check(
        "bidirectional_forward.keras_concat",
        "bidirectional_forward",
        "bidirectional_forward against keras Bidirectional(SimpleRNN(3, return_sequences=True), merge_mode='concat')",
        bi_inputs(),
        probe=probe_keras_bidirectional,
        verdict=matches_keras,
        reference=False,
        hint="Keras concatenates forward then backward, the backward outputs re-aligned with the input steps",
    ),
    Check(
        "deep_birnn_forward.values",
        "deep_birnn_forward",
        "deep_birnn_forward on x_seq (6, 5, 4) with bidirectional layers of 3 then 2 units, 'concat'",
        deep_bi_inputs(),
        probe=probe_numpy,
        verdict=same_numpy_value,
        hint="each layer is bidirectional_forward with its forward and backward params; its merged output is the next layer's input",
    ),
    Check(
        "count_birnn_params.values",
        "count_birnn_params",
        "count_birnn_params for (n_x, units) = (4, 3), (16, 32), (64, 10)",
        lambda rng: {"args": [[4, 3], [16, 32], [64, 10]]},
        probe=probe_counts,
        hint="kernel n_x*u + recurrent u*u + bias u, for EACH of the two directions",
    ),
    Check(
        "count_tagger_params.values",
        "count_tagger_params",
        "count_tagger_params for (vocab, embed, units, classes) = (27, 16, 32, 2), (50, 8, 6, 3)",
        lambda rng: {"args": [[27, 16, 32, 2], [50, 8, 6, 3]]},
        probe=probe_counts,
        hint="embedding V*d, then two bidirectional layers (the second reads 2*units features), then Dense(2*units -> n_classes) with biases",
    ),
    Check(
        "build_stacked_birnn.structure",
        "build_stacked_birnn",
        "the model from build_stacked_birnn(27, 8, 6, 3)",
        lambda rng: {
            "vocab_size": 27,
            "embed_dim": 8,
            "units": 6,
            "n_classes": 3,
            "sample_input": rng.integers(0, 27, size=(2, 5)).astype(np.int32),
        },
        probe=probe_model,
        verdict=same_model,
        hint="Embedding, Bidirectional(SimpleRNN(units, return_sequences=True)) twice (concat), Dense(n_classes, "
        "softmax); Adam(0.01), SparseCategoricalCrossentropy()",
    ),
]
