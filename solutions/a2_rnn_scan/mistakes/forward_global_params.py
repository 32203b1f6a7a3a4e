"""rnn_forward uses a parameter dict defined in the notebook instead of its argument."""

CELLS = {
    "rnn_forward": """my_params = {"W_hh": np.eye(3) * 0.5, "W_hx": np.ones((3, 4)) * 0.1, "b_h": np.zeros((3, 1)), "W_yh": np.ones((2, 3)), "b_y": np.zeros((2, 1))}

def rnn_forward(x_seq, h0, params):
    hs = scan(lambda h, x: rnn_step_split(h, x, my_params["W_hh"], my_params["W_hx"], my_params["b_h"]), x_seq, h0)
    ys = np.stack([rnn_output(h, my_params["W_yh"], my_params["b_y"]) for h in hs])
    return ys, hs
"""
}
EXPECT_FAILED = {
    "rnn_backward.hidden",
    "rnn_backward.long_numeric",
    "rnn_backward.numeric",
    "rnn_backward.unchanged",
    "rnn_backward.values",
    "rnn_forward.hidden",
    "rnn_forward.unchanged",
    "rnn_forward.uses_scan",
    "rnn_forward.values",
    "rnn_forward.zero_output",
}
