"""rnn_forward as a Python loop over time instead of through scan (the docstring requires scan)."""

CELLS = {
    "rnn_forward": """def rnn_forward(x_seq, h0, params):
    h, hs, ys = h0, [], []
    for x in x_seq:
        h = rnn_step_split(h, x, params["W_hh"], params["W_hx"], params["b_h"])
        hs.append(h)
        ys.append(rnn_output(h, params["W_yh"], params["b_y"]))
    return np.stack(ys), np.stack(hs)
"""
}
EXPECT_FAILED = {"rnn_forward.uses_scan"}
MESSAGE = "the docstring requires scan"
