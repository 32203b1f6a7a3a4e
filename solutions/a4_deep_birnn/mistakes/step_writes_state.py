"""rnn_layer_forward keeps the final state by writing it into the caller's h0 (h0[...] = h_T): right outputs, input changed."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    step = lambda h, x_t: np.tanh(x_t @ kernel + h @ recurrent_kernel + bias)
    hs = scan(step, np.transpose(x_seq, (1, 0, 2)), h0)
    h0[...] = hs[-1]  # remember where the sequence ended
    return np.transpose(hs, (1, 0, 2))
"""
}
EXPECT_FAILED = {"rnn_layer_forward.unchanged", "reverse_rnn_layer.unchanged"}
