"""Hidden checks of assignment 2 (never released): isolation inputs, other sizes, edge cases."""

import numpy as np

from autograder.checks import Check, gradients_agree, inputs_unchanged, sibling, unchanged_check

pub = sibling(__file__, "public_checks")


def zero_output(rng):
    """Output weights zero: every prediction must be uniform whatever the state."""
    d = pub.sequence(4, 5, 2, 3, 4)(rng)
    d["params"]["W_yh"] = np.zeros_like(d["params"]["W_yh"])
    d["params"]["b_y"] = np.zeros_like(d["params"]["b_y"])
    return d


def saturated_step(rng):
    """A step whose pre-activations reach |z| > 709 (input weights of about 400): tanh must give +-1, not nan."""
    d = pub.step_inputs(3, 4, 5)(rng)
    d["W_h"][:, 3:] *= 700.0
    return d


def beyond_clip(shapes=((3, 4), (3, 1), (2, 2))):
    """Gradients whose every entry lies outside [-1, 1] (magnitudes 1.5 to 3, random signs): an in-place clip changes all of them."""

    def build(rng):
        return {
            "grads": {
                f"g{i}": rng.uniform(1.5, 3.0, size=s) * rng.choice([-1.0, 1.0], size=s) for i, s in enumerate(shapes)
            },
            "limit": 1.0,
        }

    return build


def probe_clip_unchanged(ns, target, inputs):
    """Whether the clipping function left every array of its input dict unchanged."""
    from autograder.checks import inputs_unchanged

    return inputs_unchanged(
        ns,
        target,
        {
            "grads": inputs["grads"],
            **({"clip": inputs["limit"]} if target == "clip_by_value" else {"max_norm": inputs["limit"]}),
        },
    )


def probe_tape_numpy(ns, target, inputs):
    """Whether every gradient rnn_grads_tape returns is a numpy array (a tf.Tensor is not)."""
    import numpy as np

    from autograder.checks import copy_inputs

    g = ns[target](**copy_inputs(inputs))
    return all(isinstance(g[k], np.ndarray) for k in ("dW_hh", "dW_hx", "db_h", "dW_yh", "db_y"))


def _mostly_inside(rng):
    """Gradients mostly inside [-1, 1] with one entry of each beyond it, so that clipping in place
    always changes the input (with random entries alone it would go unseen most of the time)."""
    d = pub.grads_inputs(0.4, ((5, 2), (2, 1), (3, 3)))(rng)
    for g in d["grads"].values():
        g.flat[int(rng.integers(g.size))] = float(rng.choice([-1.0, 1.0])) * rng.uniform(1.5, 3.0)
    return d


def unchanged(fn, inputs, what, values="values", probe=inputs_unchanged):
    """A hidden check that ``fn`` leaves its input arrays unchanged; it counts only when ``fn.values`` passes."""
    hint = "do not modify the arguments in place (no `h_prev[...] = ...`, `+=`, `out=`): compute and return new arrays"
    return unchanged_check(fn, inputs, what, after=values, probe=probe, hint=hint)


def split_inputs(rng):
    """rnn_step_split's own arguments: W_h cut into W_hh | W_hx."""
    d = pub.step_inputs(3, 4, 5)(rng)
    return {
        "h_prev": d["h_prev"],
        "x": d["x"],
        "W_hh": d["W_h"][:, :3].copy(),
        "W_hx": d["W_h"][:, 3:].copy(),
        "b_h": d["b_h"],
    }


CHECKS = [
    Check(
        "rnn_step_concat.bias_only",
        "rnn_step_concat",
        "rnn_step_concat with h = 0 and x = 0 (bias only)",
        pub.step_inputs(5, 2, 7, zero=("h_prev", "x")),
        hint="with zero state and input the result is tanh(b_h) in every column",
    ),
    Check(
        "rnn_step_concat.x_only",
        "rnn_step_concat",
        "rnn_step_concat with h = 0 and b = 0 (input only)",
        pub.step_inputs(5, 2, 7, zero=("h_prev", "b_h")),
        hint="the input's weights are the LAST n_x columns of W_h",
    ),
    Check(
        "rnn_step_concat.h_only",
        "rnn_step_concat",
        "rnn_step_concat with x = 0 and b = 0 (state only)",
        pub.step_inputs(5, 2, 7, zero=("x", "b_h")),
        hint="the state's weights are the FIRST n_h columns of W_h",
    ),
    Check(
        "rnn_step_split.hidden",
        "rnn_step_split",
        "rnn_step_split with hidden sizes",
        pub.step_inputs(2, 5, 3),
        probe=pub.probe_split,
        hint="W_hh multiplies the state, W_hx the input",
    ),
    Check(
        "rnn_output.hidden",
        "rnn_output",
        "rnn_output with hidden sizes and large scores",
        lambda rng: {
            "h": rng.normal(size=(4, 3)) * 50,
            "W_yh": rng.normal(size=(5, 4)) * 20,
            "b_y": rng.normal(size=(5, 1)),
        },
        hint="subtract each column's maximum before exponentiating; normalise over axis 0",
    ),
    Check(
        "scan.affine",
        "scan",
        "scan with a carry of another shape than the elements",
        lambda rng: {
            "elems": rng.normal(size=(7, 2, 2)),
            "init": rng.normal(size=(4, 1)),
            "W": rng.normal(size=(4, 4)) * 0.5,
        },
        probe=pub.probe_scan_affine,
        hint="the carry's shape comes from the initializer, not from the elements",
    ),
    Check(
        "rnn_forward.hidden",
        "rnn_forward",
        "rnn_forward with hidden sizes",
        pub.sequence(7, 2, 5, 3, 4),
        probe=pub.probe_forward,
        hint="use the parameters you are given, for every size",
    ),
    Check(
        "rnn_forward.zero_output",
        "rnn_forward",
        "rnn_forward with W_yh = 0 and b_y = 0",
        zero_output,
        probe=pub.probe_forward,
        hint="the prediction at each step comes from h_t through W_yh: with zero weights it is uniform",
    ),
    Check(
        "rnn_forward_tf.hidden",
        "rnn_forward_tf",
        "rnn_forward_tf with hidden sizes",
        pub.sequence(6, 2, 3, 4, 5),
        probe=pub.probe_forward_tf,
        hint="keep float64; do not hard-code sizes",
    ),
    Check(
        "rnn_cost.hidden",
        "rnn_cost",
        "rnn_cost with hidden sizes",
        lambda rng: {
            "ys": np.transpose(rng.dirichlet(np.ones(4), size=(3, 7)), (0, 2, 1)),
            "targets": rng.integers(0, 4, size=(3, 7)),
        },
        probe=pub.probe_cost,
        hint="average over BOTH time and examples",
    ),
    Check(
        "rnn_backward.hidden",
        "rnn_backward",
        "rnn_backward with hidden sizes",
        pub.sequence(6, 4, 2, 3, 3, targets=True),
        probe=pub.probe_grads,
        hint="h_{t-1} for t = 1 is h0",
    ),
    Check(
        "rnn_backward.long_numeric",
        "rnn_backward",
        "rnn_backward against finite differences on a longer sequence",
        pub.sequence(9, 2, 3, 2, 3, targets=True),
        probe=pub.probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("rnn_backward.values", "rnn_forward.values", "rnn_cost.values"),
        hint="the gradient must flow through EVERY step back to the first",
    ),
    Check(
        "rnn_grads_tape.hidden",
        "rnn_grads_tape",
        "rnn_grads_tape with hidden sizes",
        pub.sequence(3, 4, 3, 5, 2, targets=True),
        probe=pub.probe_grads,
        hint="differentiate the same cost as rnn_cost",
    ),
    Check(
        "rnn_grads_tape.numpy",
        "rnn_grads_tape",
        "rnn_grads_tape returns numpy arrays, not tf.Tensor",
        pub.sequence(3, 2, 3, 4, 2, targets=True),
        probe=probe_tape_numpy,
        requires=("rnn_grads_tape.values",),
        hint="convert each gradient with .numpy() before returning it",
    ),
    Check(
        "clip_by_value.copy_and_inside",
        "clip_by_value",
        "clip_by_value leaves entries inside the range and its input unchanged",
        _mostly_inside,
        probe=pub.probe_clip,
        hint="clip a copy; values inside [-clip, clip] stay as they are",
    ),
    Check(
        "clip_by_norm.below",
        "clip_by_norm",
        "clip_by_norm when the norm is already below the limit",
        pub.grads_inputs(0.05, ((2, 2), (2, 1))),
        probe=pub.probe_clip,
        hint="scale only when the global norm EXCEEDS max_norm",
    ),
    Check(
        "clip_by_norm.hidden",
        "clip_by_norm",
        "clip_by_norm on hidden gradients",
        pub.grads_inputs(3.0, ((4, 3), (4, 1), (2, 4))),
        probe=pub.probe_clip,
        hint="one global norm over all the gradients, not one per gradient",
    ),
    Check(
        "rnn_step_concat.saturated",
        "rnn_step_concat",
        "rnn_step_concat with pre-activations beyond |z| = 709",
        saturated_step,
        hint="use np.tanh: a hand-written (e^z - e^-z) / (e^z + e^-z) is inf / inf = nan for |z| > 709",
    ),
    Check(
        "rnn_step_split.saturated",
        "rnn_step_split",
        "rnn_step_split with pre-activations beyond |z| = 709",
        saturated_step,
        probe=pub.probe_split,
        hint="use np.tanh: a hand-written (e^z - e^-z) / (e^z + e^-z) is inf / inf = nan for |z| > 709",
    ),
    unchanged("rnn_step_concat", pub.step_inputs(3, 4, 5), "h_prev, x, W_h, b_h"),
    unchanged("rnn_step_split", split_inputs, "h_prev, x, W_hh, W_hx, b_h"),
    unchanged(
        "rnn_output",
        lambda rng: {"h": rng.normal(size=(3, 6)), "W_yh": rng.normal(size=(2, 3)), "b_y": rng.normal(size=(2, 1))},
        "h, W_yh, b_y",
    ),
    unchanged("rnn_forward", pub.sequence(4, 3, 2, 5, 2), "x_seq, h0, params"),
    unchanged("rnn_forward_tf", pub.sequence(4, 3, 2, 5, 2), "x_seq, h0, params as numpy arrays"),
    unchanged(
        "rnn_cost",
        lambda rng: {
            "ys": np.transpose(rng.dirichlet(np.ones(2), size=(5, 6)), (0, 2, 1)),
            "targets": rng.integers(0, 2, size=(5, 6)),
        },
        "ys, targets",
    ),
    unchanged("rnn_backward", pub.sequence(4, 3, 2, 5, 2, targets=True), "x_seq, h0, params, targets"),
    unchanged("rnn_grads_tape", pub.sequence(4, 3, 2, 5, 2, targets=True), "x_seq, h0, params, targets"),
    unchanged("clip_by_value", beyond_clip(), "gradients all beyond +-1, 1.0", probe=probe_clip_unchanged),
    unchanged("clip_by_norm", beyond_clip(), "gradients of global norm > 1, 1.0", probe=probe_clip_unchanged),
]
