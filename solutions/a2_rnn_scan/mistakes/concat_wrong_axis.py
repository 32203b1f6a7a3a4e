"""The state and input are concatenated along axis 1 (the batch) instead of axis 0."""

CELLS = {
    "rnn_step_concat": "def rnn_step_concat(h_prev, x, W_h, b_h):\n    return np.tanh(W_h @ np.concatenate([h_prev, x], axis=1) + b_h)\n"
}
EXPECT_FAILED = {
    "rnn_step_concat.bias_only",
    "rnn_step_concat.h_only",
    "rnn_step_concat.saturated",
    "rnn_step_concat.unchanged",
    "rnn_step_concat.values",
    "rnn_step_concat.x_only",
}
MESSAGE = "ValueError"
