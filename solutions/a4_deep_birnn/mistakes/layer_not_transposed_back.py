"""rnn_layer_forward returns scan's time-major (T, m, n_h) states without transposing them back."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    return scan(lambda h, x_t: np.tanh(x_t @ kernel + h @ recurrent_kernel + bias), np.transpose(x_seq, (1, 0, 2)), h0)
"""
}
EXPECT_FAILED = {
    "bidirectional_forward.concat",
    "bidirectional_forward.hidden",
    "bidirectional_forward.keras_concat",
    "bidirectional_forward.keras_sum",
    "bidirectional_forward.sum",
    "bidirectional_forward.unchanged",
    "bidirectional_forward.zero_backward",
    "deep_birnn_forward.default_merge",
    "deep_birnn_forward.keras",
    "deep_birnn_forward.sum",
    "deep_birnn_forward.unchanged",
    "deep_birnn_forward.values",
    "deep_rnn_forward.hidden",
    "deep_rnn_forward.keras",
    "deep_rnn_forward.keras_three_layers",
    "deep_rnn_forward.single_layer",
    "deep_rnn_forward.unchanged",
    "deep_rnn_forward.values",
    "reverse_rnn_layer.hidden",
    "reverse_rnn_layer.single_step",
    "reverse_rnn_layer.unchanged",
    "reverse_rnn_layer.values",
    "reverse_rnn_layer.zero_recurrent",
    "rnn_layer_forward.batch_of_one",
    "rnn_layer_forward.hidden",
    "rnn_layer_forward.keras",
    "rnn_layer_forward.large_preactivation",
    "rnn_layer_forward.scan",
    "rnn_layer_forward.single_step",
    "rnn_layer_forward.unchanged",
    "rnn_layer_forward.values",
    "rnn_layer_forward.zero_input",
    "rnn_layer_forward.zero_recurrent",
}
MESSAGE = "expected shape (6, 5, 3), received (5, 6, 3)"
