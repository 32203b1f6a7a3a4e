"""rnn_layer_forward loops over time in Python instead of using scan (right values, not the required method)."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    h = h0
    out = []
    for t in range(x_seq.shape[1]):
        h = np.tanh(x_seq[:, t] @ kernel + h @ recurrent_kernel + bias)
        out.append(h)
    return np.stack(out, axis=1)
"""
}
EXPECT_FAILED = {"rnn_layer_forward.scan"}
MESSAGE = "requires scan"
