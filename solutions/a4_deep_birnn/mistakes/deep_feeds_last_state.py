"""Stacking feeds the next layer the previous layer's LAST state, repeated at every step, instead of its sequence."""

CELLS = {
    "deep_rnn_forward": """def deep_rnn_forward(x_seq, layers):
    h = x_seq
    for p in layers:
        h0 = np.zeros((x_seq.shape[0], p["bias"].shape[0]))
        out = rnn_layer_forward(h, h0, p["kernel"], p["recurrent_kernel"], p["bias"])
        h = np.repeat(out[:, -1:, :], out.shape[1], axis=1)
    return out
"""
}
EXPECT_FAILED = {
    "deep_rnn_forward.hidden",
    "deep_rnn_forward.keras",
    "deep_rnn_forward.keras_three_layers",
    "deep_rnn_forward.unchanged",
    "deep_rnn_forward.values",
}
MESSAGE = "values differ"
