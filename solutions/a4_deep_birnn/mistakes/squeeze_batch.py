"""rnn_layer_forward squeezes scan's output: a batch of one sequence loses its batch axis."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    step = lambda h, x_t: np.tanh(x_t @ kernel + h @ recurrent_kernel + bias)
    hs = np.squeeze(scan(step, np.transpose(x_seq, (1, 0, 2)), h0))
    return np.transpose(hs, (1, 0, 2))
"""
}
EXPECT_FAILED = {"reverse_rnn_layer.single_step", "rnn_layer_forward.batch_of_one", "rnn_layer_forward.single_step"}
