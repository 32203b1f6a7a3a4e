"""merge_mode "sum" averages the two directions, (forward + backward) / 2 (Keras's "ave"), instead of adding them."""

CELLS = {
    "bidirectional_forward": """def bidirectional_forward(x_seq, fwd_params, bwd_params, merge_mode="concat"):
    m = x_seq.shape[0]
    fwd = rnn_layer_forward(x_seq, np.zeros((m, fwd_params["bias"].shape[0])), **fwd_params)
    bwd = reverse_rnn_layer(x_seq, np.zeros((m, bwd_params["bias"].shape[0])), **bwd_params)
    if merge_mode == "concat":
        return np.concatenate([fwd, bwd], axis=-1)
    if merge_mode == "sum":
        return (fwd + bwd) / 2
    raise ValueError(f"unknown merge_mode {merge_mode!r}")
"""
}
EXPECT_FAILED = {"bidirectional_forward.sum", "bidirectional_forward.keras_sum", "deep_birnn_forward.sum"}
