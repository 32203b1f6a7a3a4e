"""rnn_layer_forward returns its states in float32 (to match Keras's float32 layer), where every
numpy array of the assignment is float64."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    step = lambda h, x_t: np.tanh(x_t @ kernel + h @ recurrent_kernel + bias)  # noqa: E731
    hs = scan(step, np.transpose(x_seq, (1, 0, 2)), h0)
    return np.transpose(hs, (1, 0, 2)).astype(np.float32)
"""
}
EXPECT_FAILED = {
    "bidirectional_forward.concat",
    "bidirectional_forward.hidden",
    "bidirectional_forward.sum",
    "bidirectional_forward.zero_backward",
    "deep_birnn_forward.default_merge",
    "deep_birnn_forward.sum",
    "deep_birnn_forward.values",
    "deep_rnn_forward.hidden",
    "deep_rnn_forward.single_layer",
    "deep_rnn_forward.values",
    "reverse_rnn_layer.hidden",
    "reverse_rnn_layer.single_step",
    "reverse_rnn_layer.values",
    "reverse_rnn_layer.zero_recurrent",
    "rnn_layer_forward.batch_of_one",
    "rnn_layer_forward.hidden",
    "rnn_layer_forward.large_preactivation",
    "rnn_layer_forward.single_step",
    "rnn_layer_forward.values",
    "rnn_layer_forward.zero_input",
    "rnn_layer_forward.zero_recurrent",
}
