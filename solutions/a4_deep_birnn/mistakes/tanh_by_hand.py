"""rnn_layer_forward writes tanh with np.exp, (e^{2z} - 1) / (e^{2z} + 1): inf / inf = nan beyond |z| = 355."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    def tanh(z):
        e = np.exp(2.0 * z)
        return (e - 1.0) / (e + 1.0)
    step = lambda h, x_t: tanh(x_t @ kernel + h @ recurrent_kernel + bias)
    hs = scan(step, np.transpose(x_seq, (1, 0, 2)), h0)
    return np.transpose(hs, (1, 0, 2))
"""
}
EXPECT_FAILED = {"rnn_layer_forward.large_preactivation"}
