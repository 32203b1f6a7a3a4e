"""reverse_rnn_layer reverses the caller's x_seq in place (x_seq[:] = x_seq[:, ::-1]): right outputs, input changed."""

CELLS = {
    "reverse_rnn_layer": """def reverse_rnn_layer(x_seq, h0, kernel, recurrent_kernel, bias):
    x_seq[:] = x_seq[:, ::-1]
    out = rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias)
    return out[:, ::-1]
"""
}
EXPECT_FAILED = {"reverse_rnn_layer.unchanged", "bidirectional_forward.unchanged", "deep_birnn_forward.unchanged"}
