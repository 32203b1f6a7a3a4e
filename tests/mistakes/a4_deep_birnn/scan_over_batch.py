"""scan is applied to the batch-major x_seq as it is: it walks over the examples instead of the time steps."""
CELLS = {"rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    hs = scan(lambda h, x_t: np.tanh(x_t @ kernel + h @ recurrent_kernel + bias), x_seq, h0)
    return np.transpose(hs, (1, 0, 2))
"""}
EXPECT_FAILED = {"rnn_layer_forward.values", "rnn_layer_forward.hidden", "rnn_layer_forward.zero_recurrent", "rnn_layer_forward.zero_input",
                 "rnn_layer_forward.single_step", "rnn_layer_forward.keras",
                 "deep_rnn_forward.values", "deep_rnn_forward.keras", "deep_rnn_forward.hidden", "deep_rnn_forward.single_layer",
                 "deep_rnn_forward.keras_three_layers",
                 "reverse_rnn_layer.values", "reverse_rnn_layer.hidden", "reverse_rnn_layer.zero_recurrent", "reverse_rnn_layer.single_step",
                 "bidirectional_forward.concat", "bidirectional_forward.sum", "bidirectional_forward.keras_concat",
                 "bidirectional_forward.hidden", "bidirectional_forward.zero_backward", "bidirectional_forward.keras_sum",
                 "deep_birnn_forward.values", "deep_birnn_forward.sum", "deep_birnn_forward.keras"}
MESSAGE = "ValueError"
