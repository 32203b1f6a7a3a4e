"""rnn_forward writes the tanh step inside its lambda instead of calling rnn_step_split (same values;
the docstring says it is built on rnn_step_split)."""

CELLS = {
    "rnn_forward": 'def rnn_forward(x_seq, h0, params):\n    hs = scan(lambda h, x: np.tanh(params["W_hh"] @ h + params["W_hx"] @ x + params["b_h"]), x_seq, h0)\n    ys = np.stack([rnn_output(h, params["W_yh"], params["b_y"]) for h in hs])\n    return ys, hs\n'
}
EXPECT_FAILED = {
    "rnn_forward.built_on",
}
