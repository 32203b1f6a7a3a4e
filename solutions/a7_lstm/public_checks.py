"""Public checks of assignment 7 (released: students run them with `autograder check`).

Sizes are all distinct (batch 5, time 4, input 3, hidden 2) so that a transposed or swapped axis
changes a shape or the values. LSTM weights are float32 numbers stored as float64, so that a real
``keras.layers.LSTM`` (float32) and the student's numpy code (float64) use the very same weights.
"""

import numpy as np

from autograder.checks import (
    Check,
    Outcome,
    compare_values,
    describe,
    float32_exact,
    gradients_agree,
    same_model,
    same_numpy_value,
)

M, T, N_X, N_H = 5, 4, 3, 2
GRAD_KEYS = ("dx_seq", "dh0", "dc0", "dkernel", "drecurrent_kernel", "dbias")
STEP_GRAD_KEYS = ("dh_prev", "dc_prev", "dx", "dkernel", "drecurrent_kernel", "dbias")


f32 = float32_exact  # weights as float32 numbers, stored as float64


def lstm_weights(rng, n_x, n_h, scale=0.7):
    """Keras-layout LSTM weights: kernel (n_x, 4 n_h), recurrent_kernel (n_h, 4 n_h), bias (4 n_h,)."""
    return {
        "kernel": f32(rng.normal(size=(n_x, 4 * n_h)) * scale),
        "recurrent_kernel": f32(rng.normal(size=(n_h, 4 * n_h)) * scale),
        "bias": f32(rng.normal(size=4 * n_h) * 0.5),
    }


def step_inputs(m=M, n_x=N_X, n_h=N_H, *, zero=(), block_bias=None):
    """Inputs of lstm_step; names in ``zero`` are zeroed; ``block_bias`` = (block, value) sets one
    gate block of the bias (0 i, 1 f, 2 g, 3 o) to a value (a large value saturates that gate)."""

    def build(rng):
        d = {
            "h_prev": f32(rng.normal(size=(m, n_h)) * 0.8),
            "c_prev": f32(rng.normal(size=(m, n_h))),
            "x": f32(rng.normal(size=(m, n_x))),
            **lstm_weights(rng, n_x, n_h),
        }
        for k in zero:
            d[k] = np.zeros_like(d[k])
        if block_bias is not None:
            block, value = block_bias
            d["bias"][block * n_h : (block + 1) * n_h] = value
        return d

    return build


def sequence_inputs(m=M, t=T, n_x=N_X, n_h=N_H, *, zero_state=False):
    """Inputs of lstm_forward: x_seq (m, t, n_x), h0 and c0 (m, n_h) and Keras-layout weights."""

    def build(rng):
        h0 = np.zeros((m, n_h)) if zero_state else f32(rng.normal(size=(m, n_h)) * 0.5)
        c0 = np.zeros((m, n_h)) if zero_state else f32(rng.normal(size=(m, n_h)))
        return {"x_seq": f32(rng.normal(size=(m, t, n_x))), "h0": h0, "c0": c0, **lstm_weights(rng, n_x, n_h)}

    return build


def step_backward_inputs(m=M, n_x=N_X, n_h=N_H, *, dc_zero=False):
    """Inputs of lstm_step_backward: upstream dh, dc and the step's inputs."""

    def build(rng):
        d = step_inputs(m, n_x, n_h)(rng)
        return {
            "dh": rng.normal(size=(m, n_h)),
            "dc": np.zeros((m, n_h)) if dc_zero else rng.normal(size=(m, n_h)),
            **d,
        }

    return build


def backward_inputs(m=M, t=T, n_x=N_X, n_h=N_H, *, last_only=False):
    """Inputs of lstm_backward: direct gradients dhs (m, t, n_h) and lstm_forward's inputs."""

    def build(rng):
        d = sequence_inputs(m, t, n_x, n_h)(rng)
        dhs = rng.normal(size=(m, t, n_h))
        if last_only:
            dhs[:, :-1] = 0.0
        return {"dhs": dhs, **d}

    return build


def probe_pair(ns, target, inputs):
    """A function that returns two arrays (h, c) or (hs, cs), as a dict."""
    import numpy as np

    from autograder.checks import copy_inputs

    out = ns[target](**copy_inputs(inputs))
    if not isinstance(out, tuple) or len(out) != 2:
        return out
    return {"h": np.asarray(out[0]), "c": np.asarray(out[1])}


def probe_bias_keras(ns, target, inputs):
    """lstm_bias_init's bias, and the bias of a real keras.layers.LSTM built with the same settings."""
    import keras
    import numpy as np

    out = ns[target](inputs["units"], inputs["unit_forget_bias"])
    layer = keras.layers.LSTM(inputs["units"], unit_forget_bias=inputs["unit_forget_bias"])
    layer.build((None, None, 3))
    return {"output": out, "keras": np.asarray(layer.get_weights()[2], dtype=np.float64)}


def probe_keras_parity(ns, target, inputs):
    """lstm_forward's hidden states and last cell state, and those of a real keras.layers.LSTM with the same weights (float32)."""
    import keras
    import numpy as np

    from autograder.checks import copy_inputs

    out = ns[target](**copy_inputs(inputs))
    hs, cs = out if isinstance(out, tuple) and len(out) == 2 else (out, None)
    n_h = inputs["recurrent_kernel"].shape[0]
    layer = keras.layers.LSTM(n_h, return_sequences=True, return_state=True)
    layer.build((None, None, inputs["x_seq"].shape[2]))
    layer.set_weights([inputs[k].astype(np.float32) for k in ("kernel", "recurrent_kernel", "bias")])
    k_hs, _, k_c = layer(
        inputs["x_seq"].astype(np.float32),
        initial_state=[inputs["h0"].astype(np.float32), inputs["c0"].astype(np.float32)],
    )
    last_c = np.asarray(cs)[:, -1] if cs is not None and np.ndim(cs) == 3 else cs
    return {
        "output": {"hs": np.asarray(hs), "c_last": np.asarray(last_c) if last_c is not None else None},
        "keras": {"hs": np.asarray(k_hs, dtype=np.float64), "c_last": np.asarray(k_c, dtype=np.float64)},
    }


def matches_keras(received, expected, ctx):
    """Verdict: the student's values equal keras.layers.LSTM's (computed in the grader) within rtol/atol."""
    if not isinstance(received, dict) or "output" not in received:
        return Outcome(False, "type", f"{ctx.what}: the values could not be collected ({describe(received)})")
    return compare_values(
        f"{ctx.what}, compared with keras.layers.LSTM", received["output"], expected["keras"], tol=ctx.tol
    )


def probe_grads(ns, target, inputs):
    """A gradient function's dict, as numpy arrays (the keys of its docstring)."""
    import numpy as np

    from autograder.checks import copy_inputs

    g = ns[target](**copy_inputs(inputs))
    keys = (
        ("dx_seq", "dh0", "dc0", "dkernel", "drecurrent_kernel", "dbias")
        if "dhs" in inputs
        else ("dh_prev", "dc_prev", "dx", "dkernel", "drecurrent_kernel", "dbias")
    )
    if not isinstance(g, dict):
        return g
    return {k: (np.asarray(g[k]) if k in g else None) for k in keys}


def probe_tape(ns, target, inputs):
    """lstm_backward's gradients, and tf.GradientTape's through a float64 keras.layers.LSTM with the
    same weights, for the loss sum(dhs * hs)."""
    import keras
    import numpy as np
    import tensorflow as tf

    from autograder.checks import copy_inputs

    g = ns[target](**copy_inputs(inputs))
    keys = ("dx_seq", "dh0", "dc0", "dkernel", "drecurrent_kernel", "dbias")
    layer = keras.layers.LSTM(inputs["h0"].shape[1], return_sequences=True, dtype="float64")
    layer.build((None, None, inputs["x_seq"].shape[2]))
    layer.set_weights([inputs["kernel"], inputs["recurrent_kernel"], inputs["bias"]])
    xv, h0v, c0v = tf.Variable(inputs["x_seq"]), tf.Variable(inputs["h0"]), tf.Variable(inputs["c0"])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(inputs["dhs"] * layer(xv, initial_state=[h0v, c0v]))
    tape_grads = tape.gradient(loss, [xv, h0v, c0v, *layer.trainable_weights])
    mine = {k: (np.asarray(g[k]) if k in g else None) for k in keys} if isinstance(g, dict) else g
    return {"output": mine, "keras": {k: np.asarray(v, dtype=np.float64) for k, v in zip(keys, tape_grads)}}


def matches_tape(received, expected, ctx):
    """Verdict: the student's gradients equal tf.GradientTape's (computed in the grader) within rtol/atol."""
    if not isinstance(received, dict) or "output" not in received:
        return Outcome(False, "type", f"{ctx.what}: the gradients could not be collected ({describe(received)})")
    return compare_values(
        f"{ctx.what}, compared with tf.GradientTape", received["output"], expected["keras"], tol=ctx.tol
    )


def probe_backward_numeric(ns, target, inputs):
    """The student's lstm_backward against centred differences of sum(dhs * hs) from their own lstm_forward."""
    import numpy as np

    names = ("x_seq", "h0", "c0", "kernel", "recurrent_kernel", "bias")
    base = {k: inputs[k].copy() for k in names}
    g = ns[target](inputs["dhs"].copy(), *[base[k].copy() for k in names])

    def loss(q):
        hs, _ = ns["lstm_forward"](*[q[k] for k in names])
        return float(np.sum(inputs["dhs"] * np.asarray(hs)))

    from autograder.checks import against_differences

    return against_differences(
        loss, base, g, dict(zip(names, ("dx_seq", "dh0", "dc0", "dkernel", "drecurrent_kernel", "dbias")))
    )


def probe_step_backward_numeric(ns, target, inputs):
    """The student's lstm_step_backward against centred differences of sum(dh * h) + sum(dc * c) from their own lstm_step."""
    import numpy as np

    names = ("h_prev", "c_prev", "x", "kernel", "recurrent_kernel", "bias")
    base = {k: inputs[k].copy() for k in names}
    g = ns[target](inputs["dh"].copy(), inputs["dc"].copy(), *[base[k].copy() for k in names])

    def loss(q):
        h, c = ns["lstm_step"](*[q[k] for k in names])
        return float(np.sum(inputs["dh"] * np.asarray(h)) + np.sum(inputs["dc"] * np.asarray(c)))

    from autograder.checks import against_differences

    return against_differences(
        loss, base, g, dict(zip(names, ("dh_prev", "dc_prev", "dx", "dkernel", "drecurrent_kernel", "dbias")))
    )


def probe_model(ns, target, inputs):
    """Builds the student's compiled model and describes its layers, compile arguments and (given
    ``sample_input``) its outputs with fixed weights (see autograder.checks.describe_model)."""
    from autograder.checks import build_and_describe

    return build_and_describe(ns, target, inputs)


CHECKS = [
    Check(
        "lstm_bias_init.forget_bias",
        "lstm_bias_init",
        "lstm_bias_init(5, unit_forget_bias=True)",
        lambda rng: {"units": 5, "unit_forget_bias": True},
        verdict=same_numpy_value,
        hint="shape (4 * units,), blocks [i | f | g | o]: ones in the SECOND block (entries units .. 2 units - 1), zeros elsewhere",
    ),
    Check(
        "lstm_bias_init.keras",
        "lstm_bias_init",
        "lstm_bias_init(3, unit_forget_bias=True)",
        lambda rng: {"units": 3, "unit_forget_bias": True},
        probe=probe_bias_keras,
        verdict=matches_keras,
        hint="keras.layers.LSTM(units, unit_forget_bias=True) starts with zeros except ones on the forget gate",
    ),
    Check(
        "lstm_step.values",
        "lstm_step",
        "lstm_step(h_prev (5, 2), c_prev (5, 2), x (5, 3), kernel (3, 8), recurrent_kernel (2, 8), bias (8,))",
        step_inputs(),
        probe=probe_pair,
        verdict=same_numpy_value,
        hint="gate blocks in Keras order [i | f | g | o]; c = f * c_prev + i * g with g = tanh(...); h = o * tanh(c); return (h, c) in that order",
    ),
    Check(
        "lstm_forward.values",
        "lstm_forward",
        "lstm_forward on x_seq (5, 4, 3), h0 and c0 (5, 2)",
        sequence_inputs(),
        probe=probe_pair,
        verdict=same_numpy_value,
        hint="loop over the TIME axis (axis 1 of x_seq); return (hs, cs), each (m, T, n_h), batch first",
    ),
    Check(
        "lstm_forward.keras",
        "lstm_forward",
        "lstm_forward on x_seq (5, 4, 3), h0 and c0 (5, 2)",
        sequence_inputs(),
        probe=probe_keras_parity,
        verdict=matches_keras,
        hint="keras.layers.LSTM: gates [i | f | c | o], the candidate with tanh, h_t = o * tanh(c_t); initial_state=[h0, c0]",
    ),
    Check(
        "lstm_step_backward.values",
        "lstm_step_backward",
        "lstm_step_backward(dh (5, 2), dc (5, 2), a step with x (5, 3))",
        step_backward_inputs(),
        probe=probe_grads,
        verdict=same_numpy_value,
        hint="dc_total = dc + dh * o * (1 - tanh(c)**2): the cell state reaches the loss directly AND through h; dz in the order [i | f | g | o]",
    ),
    Check(
        "lstm_step_backward.numeric",
        "lstm_step_backward",
        "lstm_step_backward against finite differences of your lstm_step",
        step_backward_inputs(3, 2, 2),
        probe=probe_step_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        hint="your gradients must be the slopes of YOUR lstm_step for the loss sum(dh * h) + sum(dc * c)",
    ),
    Check(
        "lstm_backward.values",
        "lstm_backward",
        "lstm_backward(dhs (5, 4, 2), x_seq (5, 4, 3), ...)",
        backward_inputs(),
        probe=probe_grads,
        verdict=same_numpy_value,
        hint="walk t = T-1 .. 0; into step t: dh = dhs[:, t] + dh_prev of step t+1, dc = dc_prev of step t+1; sum the weight gradients",
    ),
    Check(
        "lstm_backward.tape",
        "lstm_backward",
        "lstm_backward(dhs (5, 4, 2), x_seq (5, 4, 3), ...)",
        backward_inputs(),
        probe=probe_tape,
        verdict=matches_tape,
        hint="the gradients of sum(dhs * hs) as tf.GradientTape computes them through keras.layers.LSTM",
    ),
    Check(
        "lstm_backward.numeric",
        "lstm_backward",
        "lstm_backward against finite differences of your lstm_forward",
        backward_inputs(2, 3, 2, 2),
        probe=probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        hint="your gradients must be the slopes of sum(dhs * hs) computed with YOUR lstm_forward; carry dc back through time",
    ),
    Check(
        "last_step_input_grad_norms.values",
        "last_step_input_grad_norms",
        "last_step_input_grad_norms on x_seq (5, 4, 3)",
        sequence_inputs(),
        verdict=same_numpy_value,
        hint="dhs is zero except dhs[:, -1] = 1 (the LAST step's loss only); entry t is the norm of dx_seq[:, t] over batch and features",
    ),
    Check(
        "build_lstm_lm.structure",
        "build_lstm_lm",
        "the model from build_lstm_lm(29, 8, 12, 0.003)",
        lambda rng: {
            "vocab_size": 29,
            "embed_dim": 8,
            "units": 12,
            "learning_rate": 0.003,
            "sample_input": rng.integers(0, 29, size=(2, 5)).astype(np.int32),
        },
        probe=probe_model,
        verdict=same_model,
        hint="Sequential: keras.Input((None,), dtype='int32'), Embedding, LSTM(units, return_sequences=True), "
        "Dense(vocab_size, activation='log_softmax'); Adam(learning_rate), SparseCategoricalCrossentropy(from_logits=True)",
    ),
]
