"""The backward direction's outputs are not reversed back: step t holds the state after reading x_T ... x_{T-t}."""

CELLS = {
    "reverse_rnn_layer": """def reverse_rnn_layer(x_seq, h0, kernel, recurrent_kernel, bias):
    return rnn_layer_forward(reverse_sequence(x_seq), h0, kernel, recurrent_kernel, bias)
"""
}
EXPECT_FAILED = {
    "bidirectional_forward.concat",
    "bidirectional_forward.hidden",
    "bidirectional_forward.keras_concat",
    "bidirectional_forward.keras_sum",
    "bidirectional_forward.sum",
    "bidirectional_forward.unchanged",
    "deep_birnn_forward.default_merge",
    "deep_birnn_forward.keras",
    "deep_birnn_forward.sum",
    "deep_birnn_forward.unchanged",
    "deep_birnn_forward.values",
    "reverse_rnn_layer.hidden",
    "reverse_rnn_layer.unchanged",
    "reverse_rnn_layer.values",
    "reverse_rnn_layer.zero_recurrent",
}
MESSAGE = "values differ"
