"""reverse_sequence reverses the batch (axis 0) instead of time (axis 1)."""

CELLS = {
    "reverse_sequence": """def reverse_sequence(x_seq):
    return x_seq[::-1].copy()
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
    "reverse_rnn_layer.single_step",
    "reverse_rnn_layer.unchanged",
    "reverse_rnn_layer.values",
    "reverse_sequence.hidden",
    "reverse_sequence.values",
}
MESSAGE = "values differ"
