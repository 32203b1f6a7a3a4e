"""np.einsum steps and np.moveaxis, np.flip for reversal, functools.reduce over the layers, np.add for 'sum'."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    def step(h, x_t):
        return np.tanh(np.einsum("mi,ih->mh", x_t, kernel) + np.einsum("mg,gh->mh", h, recurrent_kernel) + bias)
    return np.moveaxis(scan(step, np.moveaxis(x_seq, 1, 0), h0), 0, 1)
""",
    "deep_rnn_forward": """import functools

def deep_rnn_forward(x_seq, layers):
    m = len(x_seq)
    return functools.reduce(
        lambda h, p: rnn_layer_forward(h, np.zeros((m, len(p["bias"]))), p["kernel"], p["recurrent_kernel"], p["bias"]),
        layers, x_seq)
""",
    "reverse_sequence": """def reverse_sequence(x_seq):
    return np.flip(x_seq, axis=1).copy()
""",
    "reverse_rnn_layer": """def reverse_rnn_layer(x_seq, h0, kernel, recurrent_kernel, bias):
    return np.flip(rnn_layer_forward(np.flip(x_seq, axis=1), h0, kernel, recurrent_kernel, bias), axis=1)
""",
    "bidirectional_forward": """def bidirectional_forward(x_seq, fwd_params, bwd_params, merge_mode="concat"):
    m = x_seq.shape[0]
    outputs = [rnn_layer_forward(x_seq, np.zeros((m, fwd_params["kernel"].shape[1])), fwd_params["kernel"],
                                 fwd_params["recurrent_kernel"], fwd_params["bias"]),
               reverse_rnn_layer(x_seq, np.zeros((m, bwd_params["kernel"].shape[1])), bwd_params["kernel"],
                                 bwd_params["recurrent_kernel"], bwd_params["bias"])]
    return {"concat": lambda: np.concatenate(outputs, axis=2), "sum": lambda: np.add(*outputs)}[merge_mode]()
""",
    "count_birnn_params": """def count_birnn_params(n_x, units):
    one_direction = units * (n_x + units + 1)
    return 2 * one_direction
""",
}
