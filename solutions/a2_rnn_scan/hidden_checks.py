"""Hidden checks of assignment 2 (never released): isolation inputs, other sizes, edge cases."""

import numpy as np

from autograder.assignment import sibling
from autograder.checks import Check
from autograder.gradcheck import gradients_agree

pub = sibling(__file__, "public_checks")


def zero_output(rng):
    """Output weights zero: every prediction must be uniform whatever the state."""
    d = pub.sequence(4, 5, 2, 3, 4)(rng)
    d["params"]["W_yh"] = np.zeros_like(d["params"]["W_yh"])
    d["params"]["b_y"] = np.zeros_like(d["params"]["b_y"])
    return d


CHECKS = [
    Check("rnn_step_concat.bias_only", "rnn_step_concat", "rnn_step_concat with h = 0 and x = 0 (bias only)",
          pub.step_inputs(5, 2, 7, zero=("h_prev", "x")), hint="with zero state and input the result is tanh(b_h) in every column"),
    Check("rnn_step_concat.x_only", "rnn_step_concat", "rnn_step_concat with h = 0 and b = 0 (input only)",
          pub.step_inputs(5, 2, 7, zero=("h_prev", "b_h")), hint="the input's weights are the LAST n_x columns of W_h"),
    Check("rnn_step_concat.h_only", "rnn_step_concat", "rnn_step_concat with x = 0 and b = 0 (state only)",
          pub.step_inputs(5, 2, 7, zero=("x", "b_h")), hint="the state's weights are the FIRST n_h columns of W_h"),
    Check("rnn_step_split.hidden", "rnn_step_split", "rnn_step_split with hidden sizes", pub.step_inputs(2, 5, 3), probe=pub.probe_split,
          hint="W_hh multiplies the state, W_hx the input"),
    Check("rnn_output.hidden", "rnn_output", "rnn_output with hidden sizes and large scores",
          lambda rng: {"h": rng.normal(size=(4, 3)) * 50, "W_yh": rng.normal(size=(5, 4)) * 20, "b_y": rng.normal(size=(5, 1))},
          hint="subtract each column's maximum before exponentiating; normalise over axis 0"),
    Check("scan.affine", "scan", "scan with a carry of another shape than the elements",
          lambda rng: {"elems": rng.normal(size=(7, 2, 2)), "init": rng.normal(size=(4, 1)), "W": rng.normal(size=(4, 4)) * 0.5},
          probe=pub.probe_scan_affine, hint="the carry's shape comes from the initializer, not from the elements"),
    Check("rnn_forward.hidden", "rnn_forward", "rnn_forward with hidden sizes", pub.sequence(7, 2, 5, 3, 4), probe=pub.probe_forward,
          hint="use the parameters you are given, for every size"),
    Check("rnn_forward.zero_output", "rnn_forward", "rnn_forward with W_yh = 0 and b_y = 0", zero_output, probe=pub.probe_forward,
          hint="the prediction at each step comes from h_t through W_yh: with zero weights it is uniform"),
    Check("rnn_forward_tf.hidden", "rnn_forward_tf", "rnn_forward_tf with hidden sizes", pub.sequence(6, 2, 3, 4, 5), probe=pub.probe_forward_tf,
          hint="keep float64; do not hard-code sizes"),
    Check("rnn_cost.hidden", "rnn_cost", "rnn_cost with hidden sizes",
          lambda rng: {"ys": np.transpose(rng.dirichlet(np.ones(4), size=(3, 7)), (0, 2, 1)), "targets": rng.integers(0, 4, size=(3, 7))},
          probe=pub.probe_cost, hint="average over BOTH time and examples"),
    Check("rnn_backward.hidden", "rnn_backward", "rnn_backward with hidden sizes", pub.sequence(6, 4, 2, 3, 3, targets=True), probe=pub.probe_grads,
          hint="h_{t-1} for t = 1 is h0"),
    Check("rnn_backward.long_numeric", "rnn_backward", "rnn_backward against finite differences on a longer sequence",
          pub.sequence(9, 2, 3, 2, 3, targets=True), probe=pub.probe_backward_numeric, verdict=gradients_agree, reference=False,
          hint="the gradient must flow through EVERY step back to the first"),
    Check("rnn_grads_tape.hidden", "rnn_grads_tape", "rnn_grads_tape with hidden sizes", pub.sequence(3, 4, 3, 5, 2, targets=True),
          probe=pub.probe_grads, hint="differentiate the same cost as rnn_cost"),
    Check("clip_by_value.copy_and_inside", "clip_by_value", "clip_by_value leaves entries inside the range and its input unchanged",
          pub.grads_inputs(0.4, ((5, 2), (2, 1), (3, 3))), probe=pub.probe_clip, hint="clip a copy; values inside [-clip, clip] stay as they are"),
    Check("clip_by_norm.below", "clip_by_norm", "clip_by_norm when the norm is already below the limit",
          pub.grads_inputs(0.05, ((2, 2), (2, 1))), probe=pub.probe_clip, hint="scale only when the global norm EXCEEDS max_norm"),
    Check("clip_by_norm.hidden", "clip_by_norm", "clip_by_norm on hidden gradients", pub.grads_inputs(3.0, ((4, 3), (4, 1), (2, 4))),
          probe=pub.probe_clip, hint="one global norm over all the gradients, not one per gradient"),
]
