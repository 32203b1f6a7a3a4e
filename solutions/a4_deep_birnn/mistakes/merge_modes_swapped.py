"""'sum' and 'concat' are mixed up: the outputs are added when asked to concatenate, and vice versa."""

CELLS = {
    "bidirectional_forward": """def bidirectional_forward(x_seq, fwd_params, bwd_params, merge_mode="concat"):
    m = x_seq.shape[0]
    fwd = rnn_layer_forward(x_seq, np.zeros((m, fwd_params["bias"].shape[0])), **fwd_params)
    bwd = reverse_rnn_layer(x_seq, np.zeros((m, bwd_params["bias"].shape[0])), **bwd_params)
    if merge_mode == "sum":
        return np.concatenate([fwd, bwd], axis=-1)
    return fwd + bwd
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
}
MESSAGE = "expected shape (6, 5, 6), received (6, 5, 3)"
