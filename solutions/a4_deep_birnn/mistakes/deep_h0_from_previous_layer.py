"""Each layer of the stack starts from the previous layer's final state instead of zeros."""

CELLS = {
    "deep_rnn_forward": """def deep_rnn_forward(x_seq, layers):
    h = x_seq
    h0 = np.zeros((x_seq.shape[0], layers[0]["bias"].shape[0]))
    for p in layers:
        h = rnn_layer_forward(h, h0, p["kernel"], p["recurrent_kernel"], p["bias"])
        h0 = h[:, -1, :]
    return h
"""
}
EXPECT_FAILED = {
    "deep_rnn_forward.hidden",
    "deep_rnn_forward.keras",
    "deep_rnn_forward.keras_three_layers",
    "deep_rnn_forward.unchanged",
    "deep_rnn_forward.values",
}
