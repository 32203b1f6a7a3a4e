"""The output softmax normalises over the batch (axis 1) instead of the classes (axis 0)."""
CELLS = {"rnn_output": "def rnn_output(h, W_yh, b_y):\n    z = W_yh @ h + b_y\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1, keepdims=True)\n"}
EXPECT_FAILED = {"rnn_output.values", "rnn_output.hidden", "rnn_forward.values", "rnn_forward.hidden", "rnn_forward.zero_output",
                 "rnn_backward.values", "rnn_backward.hidden", "rnn_backward.numeric", "rnn_backward.long_numeric"}
MESSAGE = "values differ"
