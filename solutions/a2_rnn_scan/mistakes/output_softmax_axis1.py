"""The output softmax normalises over the batch (axis 1) instead of the classes (axis 0)."""

CELLS = {
    "rnn_output": "def rnn_output(h, W_yh, b_y):\n    z = W_yh @ h + b_y\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)\n"
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
    "rnn_output.hidden",
    "rnn_output.unchanged",
    "rnn_output.values",
}
MESSAGE = "values differ"
