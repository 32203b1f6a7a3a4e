"""rnn_forward returns the output scores W_yh @ h + b_y (logits), not the probabilities rnn_output gives."""

CELLS = {
    "rnn_forward": 'def rnn_forward(x_seq, h0, params):\n    hs = scan(lambda h, x: rnn_step_split(h, x, params["W_hh"], params["W_hx"], params["b_h"]), x_seq, h0)\n    ys = np.stack([params["W_yh"] @ h + params["b_y"] for h in hs])\n    return ys, hs\n'
}
EXPECT_FAILED = {
    "rnn_backward.hidden",
    "rnn_backward.values",
    "rnn_forward.hidden",
    "rnn_forward.values",
    "rnn_forward.zero_output",
}
