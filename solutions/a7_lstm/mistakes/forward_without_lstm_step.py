"""lstm_forward computes the gates itself instead of calling lstm_step, where the docstring says it
is built on lstm_step (contract: built_on; as the LSTM layers of several public courses do)."""

CELLS = {
    "lstm_forward": """def lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    n = h0.shape[1]
    h, c = h0, c0
    hs, cs = [], []
    for t in range(x_seq.shape[1]):
        z = x_seq[:, t] @ kernel + h @ recurrent_kernel + bias
        i, f = sigmoid(z[:, :n]), sigmoid(z[:, n:2 * n])
        g, o = np.tanh(z[:, 2 * n:3 * n]), sigmoid(z[:, 3 * n:])
        c = f * c + i * g
        h = o * np.tanh(c)
        hs.append(h)
        cs.append(c)
    return np.stack(hs, axis=1), np.stack(cs, axis=1)
"""
}
EXPECT_FAILED = {"lstm_forward.built_on"}
