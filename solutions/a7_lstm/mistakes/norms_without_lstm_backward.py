"""last_step_input_grad_norms walks back through time itself, with the gate formulas written out,
instead of calling lstm_backward, where the docstring says it is built on lstm_backward (contract:
built_on)."""

CELLS = {
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    hs, cs = lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias)
    h_prevs = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    c_prevs = np.concatenate([c0[:, None], cs[:, :-1]], axis=1)
    n_h = h0.shape[1]
    dh, dc = np.ones_like(h0), np.zeros_like(c0)
    norms = np.zeros(x_seq.shape[1])
    for t in reversed(range(x_seq.shape[1])):
        h_prev, c_prev, x = h_prevs[:, t], c_prevs[:, t], x_seq[:, t]
        z = x @ kernel + h_prev @ recurrent_kernel + bias
        i, f = sigmoid(z[:, :n_h]), sigmoid(z[:, n_h:2 * n_h])
        g, o = np.tanh(z[:, 2 * n_h:3 * n_h]), sigmoid(z[:, 3 * n_h:])
        tc = np.tanh(f * c_prev + i * g)
        dc_total = dc + dh * o * (1 - tc ** 2)
        dz = np.concatenate([dc_total * g * i * (1 - i), dc_total * c_prev * f * (1 - f),
                             dc_total * i * (1 - g ** 2), dh * tc * o * (1 - o)], axis=1)
        dh, dc = dz @ recurrent_kernel.T, dc_total * f
        norms[t] = np.sqrt(np.sum((dz @ kernel.T) ** 2))
    return norms
"""
}
EXPECT_FAILED = {"last_step_input_grad_norms.built_on"}
