"""rnn_step_concat writes the new state into the caller's h_prev (right values, input destroyed)."""

CELLS = {
    "rnn_step_concat": """def rnn_step_concat(h_prev, x, W_h, b_h):
    h_prev[:] = np.tanh(W_h @ np.concatenate([h_prev, x], axis=0) + b_h)
    return h_prev
"""
}
EXPECT_FAILED = {"rnn_step_concat.own_result", "rnn_step_concat.unchanged"}
