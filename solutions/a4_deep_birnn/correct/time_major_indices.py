"""np.swapaxes and fancy-index reversal (x_seq[:, idx]), a step that stacks [x_t, h] against stacked weights,
a while loop over the layers, and count_tagger_params from the layers' sizes one by one."""

CELLS = {
    "rnn_layer_forward": """def rnn_layer_forward(x_seq, h0, kernel, recurrent_kernel, bias):
    stacked = np.vstack([kernel, recurrent_kernel])          # (n_x + n_h, n_h)
    def step(h, x_t):
        return np.tanh(np.hstack([x_t, h]) @ stacked + bias)
    states = scan(step, np.swapaxes(x_seq, 0, 1), h0)
    return np.swapaxes(states, 0, 1)
""",
    "deep_rnn_forward": """def deep_rnn_forward(x_seq, layers):
    h, i = x_seq, 0
    while i < len(layers):
        p = layers[i]
        h = rnn_layer_forward(h, np.zeros((h.shape[0], p["recurrent_kernel"].shape[0])), **p)
        i += 1
    return h
""",
    "reverse_sequence": """def reverse_sequence(x_seq):
    T = x_seq.shape[1]
    return x_seq[:, np.arange(T - 1, -1, -1), :]
""",
    "reverse_rnn_layer": """def reverse_rnn_layer(x_seq, h0, kernel, recurrent_kernel, bias):
    T = x_seq.shape[1]
    back = np.arange(T)[::-1]
    return rnn_layer_forward(x_seq[:, back], h0, kernel, recurrent_kernel, bias)[:, back]
""",
    "deep_birnn_forward": """def deep_birnn_forward(x_seq, layers, merge_mode="concat"):
    out = x_seq
    for i in range(len(layers)):
        out = bidirectional_forward(out, fwd_params=layers[i]["forward"], bwd_params=layers[i]["backward"], merge_mode=merge_mode)
    return out
""",
    "count_tagger_params": """def count_tagger_params(vocab_size, embed_dim, units, n_classes):
    embedding = vocab_size * embed_dim
    first = count_birnn_params(embed_dim, units)
    second = count_birnn_params(units + units, units)
    dense = (2 * units + 1) * n_classes
    return int(embedding + first + second + dense)
""",
}
