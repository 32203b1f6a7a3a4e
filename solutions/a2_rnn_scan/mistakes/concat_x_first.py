"""The state and input are stacked in the wrong order: [x; h] instead of [h; x]."""

CELLS = {
    "rnn_step_concat": "def rnn_step_concat(h_prev, x, W_h, b_h):\n    return np.tanh(W_h @ np.concatenate([x, h_prev], axis=0) + b_h)\n"
}
EXPECT_FAILED = {
    "rnn_step_concat.h_only",
    "rnn_step_concat.saturated",
    "rnn_step_concat.unchanged",
    "rnn_step_concat.values",
    "rnn_step_concat.x_only",
}
MESSAGE = "values differ"
