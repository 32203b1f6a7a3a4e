"""Public checks of assignment 2 (released: students run them with `autograder check`).

Sizes are all distinct (hidden 3, input 4, batch 6, time 5, classes 2) so that a transposed or
swapped axis changes a shape or the values.
"""

import numpy as np

from autograder.checks import Check, gradients_agree, runs_through, same_numpy_value, scan_calls

N_H, N_X, M, T, N_Y = 3, 4, 6, 5, 2


def step_inputs(n_h=N_H, n_x=N_X, m=M, *, zero=()):
    """Inputs of one step; names in ``zero`` are set to zeros (isolation cases)."""

    def build(rng):
        d = {
            "h_prev": rng.normal(size=(n_h, m)),
            "x": rng.normal(size=(n_x, m)),
            "W_h": rng.normal(size=(n_h, n_h + n_x)) * 0.6,
            "b_h": rng.normal(size=(n_h, 1)),
        }
        for k in zero:
            d[k] = np.zeros_like(d[k])
        return d

    return build


def params(rng, n_h=N_H, n_x=N_X, n_y=N_Y, scale=0.6):
    """RNN parameters."""
    return {
        "W_hh": rng.normal(size=(n_h, n_h)) * scale,
        "W_hx": rng.normal(size=(n_h, n_x)) * scale,
        "b_h": rng.normal(size=(n_h, 1)) * 0.2,
        "W_yh": rng.normal(size=(n_y, n_h)) * scale,
        "b_y": rng.normal(size=(n_y, 1)) * 0.2,
    }


def sequence(t=T, n_h=N_H, n_x=N_X, m=M, n_y=N_Y, *, targets=False):
    """A sequence, an initial state and parameters (and integer targets)."""

    def build(rng):
        d = {
            "x_seq": rng.normal(size=(t, n_x, m)),
            "h0": rng.normal(size=(n_h, m)) * 0.5,
            "params": params(rng, n_h, n_x, n_y),
        }
        if targets:
            d["targets"] = rng.integers(0, n_y, size=(t, m))
        return d

    return build


def probe_split(ns, target, inputs):
    """rnn_step_split called with W_h cut into W_hh | W_hx."""
    n_h = inputs["h_prev"].shape[0]
    return ns[target](
        inputs["h_prev"].copy(),
        inputs["x"].copy(),
        inputs["W_h"][:, :n_h].copy(),
        inputs["W_h"][:, n_h:].copy(),
        inputs["b_h"].copy(),
    )


def probe_scan_cumsum(ns, target, inputs):
    """scan with a running sum: carries must be the cumulative sums."""
    return ns[target](lambda c, e: c + e, inputs["elems"].copy(), inputs["init"].copy())


def probe_scan_affine(ns, target, inputs):
    """scan with an affine recurrence whose carry has another shape than the elements' rows."""
    import numpy as np

    W = inputs["W"]
    return ns[target](lambda c, e: np.tanh(W @ c + e.sum()), inputs["elems"].copy(), inputs["init"].copy())


def probe_forward(ns, target, inputs):
    """(ys, hs) of a forward pass, converted to numpy."""
    import numpy as np

    from autograder.checks import copy_inputs

    ys, hs = ns[target](**copy_inputs(inputs))
    return {"ys": np.asarray(ys), "hs": np.asarray(hs)}


def probe_forward_tf(ns, target, inputs):
    """rnn_forward_tf must return float64 tensors; their values are compared."""
    import tensorflow as tf

    ys, hs = ns[target](
        **{
            k: ({kk: tf.constant(vv) for kk, vv in v.items()} if isinstance(v, dict) else tf.constant(v))
            for k, v in inputs.items()
        }
    )
    return {"ys": ys, "hs": hs, "types": [type(ys).__name__, type(hs).__name__]}


def probe_cost(ns, target, inputs):
    """rnn_cost(ys, targets)."""
    return ns[target](inputs["ys"].copy(), inputs["targets"].copy())


def probe_grads(ns, target, inputs):
    """A gradient function's dict, as numpy arrays."""
    import numpy as np

    from autograder.checks import copy_inputs

    g = ns[target](**copy_inputs(inputs))
    return {k: np.asarray(g[k]) for k in ("dW_hh", "dW_hx", "db_h", "dW_yh", "db_y")}


def probe_backward_numeric(ns, target, inputs):
    """The student's BPTT against centred differences of their own forward + cost (float64)."""

    p = {k: v.copy() for k, v in inputs["params"].items()}
    grads = ns[target](inputs["x_seq"].copy(), inputs["h0"].copy(), p, inputs["targets"].copy())

    def cost(q):
        return float(
            ns["rnn_cost"](
                ns["rnn_forward"](inputs["x_seq"].copy(), inputs["h0"].copy(), q)[0], inputs["targets"].copy()
            )
        )

    from autograder.checks import against_differences

    return against_differences(cost, p, grads, {name: "d" + name for name in ("W_hh", "W_hx", "b_h", "W_yh", "b_y")})


def probe_clip(ns, target, inputs):
    """A clipping function's result, and whether its input survived unchanged."""
    import numpy as np

    grads = {k: v.copy() for k, v in inputs["grads"].items()}
    out = ns[target](grads, inputs["limit"])
    unchanged = all(np.array_equal(grads[k], inputs["grads"][k]) for k in grads)
    return {"result": {k: np.asarray(out[k]) for k in inputs["grads"]}, "input_unchanged": unchanged}


def grads_inputs(scale, shapes=((3, 4), (3, 1))):
    """Gradients to clip, with entries inside and outside the clipping range."""

    def build(rng):
        return {"grads": {f"g{i}": rng.normal(size=s) * scale for i, s in enumerate(shapes)}, "limit": 1.0}

    return build


CHECKS = [
    Check(
        "rnn_step_concat.values",
        "rnn_step_concat",
        "rnn_step_concat(h (3, 6), x (4, 6), W_h (3, 7), b_h (3, 1))",
        step_inputs(),
        verdict=same_numpy_value,
        hint="is W_h applied to [h; x] in that order, stacked along axis 0?",
    ),
    Check(
        "rnn_step_split.values",
        "rnn_step_split",
        "rnn_step_split with W_h split into W_hh (3, 3) and W_hx (3, 4)",
        step_inputs(),
        probe=probe_split,
        hint="tanh(W_hh @ h_prev + W_hx @ x + b_h); it must equal the concatenated form",
    ),
    Check(
        "rnn_output.values",
        "rnn_output",
        "rnn_output(h (3, 6), W_yh (2, 3), b_y (2, 1))",
        lambda rng: {"h": rng.normal(size=(3, 6)), "W_yh": rng.normal(size=(2, 3)), "b_y": rng.normal(size=(2, 1))},
        hint="softmax over axis 0: each COLUMN (example) sums to 1",
    ),
    Check(
        "scan.cumsum",
        "scan",
        "scan(lambda c, e: c + e, elems (5, 3), zeros (3,))",
        lambda rng: {"elems": rng.normal(size=(5, 3)), "init": np.zeros(3)},
        probe=probe_scan_cumsum,
        hint="return every carry after each step, stacked: shape (T,) + carry.shape, without the initializer",
    ),
    Check(
        "rnn_forward.values",
        "rnn_forward",
        "rnn_forward on x_seq (5, 4, 6), h0 (3, 6)",
        sequence(),
        probe=probe_forward,
        hint="the carry of scan is the hidden state; ys has shape (T, n_y, m) and hs (T, n_h, m)",
    ),
    Check(
        "rnn_forward.uses_scan",
        "rnn_forward",
        "rnn_forward on x_seq (5, 4, 6) runs through your scan",
        sequence(),
        probe=scan_calls,
        verdict=runs_through("scan"),
        requires=("rnn_forward.values",),
        hint="hs = scan(lambda h, x: rnn_step_split(h, x, ...), x_seq, h0): one call of scan over all T steps, no Python loop over time",
    ),
    Check(
        "rnn_forward_tf.values",
        "rnn_forward_tf",
        "rnn_forward_tf on x_seq (5, 4, 6), h0 (3, 6)",
        sequence(),
        probe=probe_forward_tf,
        hint="tf.scan over the leading axis, float64 throughout, softmax over the class axis (axis 1 of ys)",
    ),
    Check(
        "rnn_forward_tf.uses_tf_scan",
        "rnn_forward_tf",
        "rnn_forward_tf on x_seq (5, 4, 6) runs through tf.scan",
        sequence(),
        probe=scan_calls,
        verdict=runs_through("tf.scan"),
        requires=("rnn_forward_tf.values",),
        hint="hs = tf.scan(step, x_seq, initializer=h0): one call of tf.scan over all T steps, no Python loop over time",
    ),
    Check(
        "rnn_cost.values",
        "rnn_cost",
        "rnn_cost(ys (5, 2, 6), targets (5, 6))",
        lambda rng: {
            "ys": np.transpose(rng.dirichlet(np.ones(2), size=(5, 6)), (0, 2, 1)),
            "targets": rng.integers(0, 2, size=(5, 6)),
        },
        probe=probe_cost,
        hint="-log of the TRUE class's probability, averaged over time steps AND examples: one number",
    ),
    Check(
        "rnn_backward.values",
        "rnn_backward",
        "rnn_backward on a (5, 4, 6) sequence",
        sequence(targets=True),
        probe=probe_grads,
        hint="go backwards in time; the gradient into h_t adds W_yh.T @ dz_y and W_hh.T @ da_{t+1}; da = dh * (1 - h**2)",
    ),
    Check(
        "rnn_backward.numeric",
        "rnn_backward",
        "rnn_backward against finite differences through time",
        sequence(4, 3, 2, 2, 2, targets=True),
        probe=probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("rnn_backward.values", "rnn_forward.values", "rnn_cost.values"),
        hint="your gradients must be the slope of YOUR rnn_cost: check 1/(T*m), the tanh derivative, and the sums over time",
    ),
    Check(
        "rnn_grads_tape.values",
        "rnn_grads_tape",
        "rnn_grads_tape on a (5, 4, 6) sequence",
        sequence(targets=True),
        probe=probe_grads,
        hint="record rnn_forward_tf and the cost inside `with tf.GradientTape() as tape:`, then tape.gradient(cost, params)",
    ),
    Check(
        "clip_by_value.values",
        "clip_by_value",
        "clip_by_value(gradients with entries beyond +-1, 1.0)",
        grads_inputs(2.0),
        probe=probe_clip,
        hint="np.clip(g, -clip, clip): both sides, and a new dict",
    ),
    Check(
        "clip_by_norm.values",
        "clip_by_norm",
        "clip_by_norm(gradients of global norm > 1, 1.0)",
        grads_inputs(2.0),
        probe=probe_clip,
        hint="the GLOBAL norm sqrt(sum of all squared entries); scale every gradient by max_norm / norm",
    ),
]
