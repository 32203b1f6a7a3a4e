"""'concat' puts the backward outputs first (Keras puts the forward ones first)."""

CELLS = {
    "bidirectional_forward": """def bidirectional_forward(x_seq, fwd_params, bwd_params, merge_mode="concat"):
    m = x_seq.shape[0]
    fwd = rnn_layer_forward(x_seq, np.zeros((m, fwd_params["bias"].shape[0])), **fwd_params)
    bwd = reverse_rnn_layer(x_seq, np.zeros((m, bwd_params["bias"].shape[0])), **bwd_params)
    if merge_mode == "concat":
        return np.concatenate([bwd, fwd], axis=-1)
    return fwd + bwd
"""
}
EXPECT_FAILED = {
    "bidirectional_forward.concat",
    "bidirectional_forward.hidden",
    "bidirectional_forward.keras_concat",
    "bidirectional_forward.unchanged",
    "bidirectional_forward.zero_backward",
    "deep_birnn_forward.default_merge",
    "deep_birnn_forward.keras",
    "deep_birnn_forward.unchanged",
    "deep_birnn_forward.values",
}
MESSAGE = "values differ"
