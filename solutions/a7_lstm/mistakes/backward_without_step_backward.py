"""lstm_backward calls lstm_forward but computes each step's gradients itself instead of calling
lstm_step_backward, where the docstring says it is built on both (contract: built_on)."""

CELLS = {
    "lstm_backward": """def lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias):
    hs, cs = lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias)
    h_prevs = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    c_prevs = np.concatenate([c0[:, None], cs[:, :-1]], axis=1)
    n_h = h0.shape[1]
    dh_next, dc_next = np.zeros_like(h0), np.zeros_like(c0)
    dx_seq = np.zeros_like(x_seq, dtype=np.float64)
    dk, drk, db = np.zeros_like(kernel), np.zeros_like(recurrent_kernel), np.zeros_like(bias)
    for t in reversed(range(x_seq.shape[1])):
        h_prev, c_prev, x = h_prevs[:, t], c_prevs[:, t], x_seq[:, t]
        z = x @ kernel + h_prev @ recurrent_kernel + bias
        i, f = sigmoid(z[:, :n_h]), sigmoid(z[:, n_h:2 * n_h])
        g, o = np.tanh(z[:, 2 * n_h:3 * n_h]), sigmoid(z[:, 3 * n_h:])
        tc = np.tanh(f * c_prev + i * g)
        dh = dhs[:, t] + dh_next
        dc_total = dc_next + dh * o * (1 - tc ** 2)
        dz = np.concatenate([dc_total * g * i * (1 - i), dc_total * c_prev * f * (1 - f),
                             dc_total * i * (1 - g ** 2), dh * tc * o * (1 - o)], axis=1)
        dh_next, dc_next = dz @ recurrent_kernel.T, dc_total * f
        dx_seq[:, t] = dz @ kernel.T
        dk, drk, db = dk + x.T @ dz, drk + h_prev.T @ dz, db + dz.sum(axis=0)
    return {"dx_seq": dx_seq, "dh0": dh_next, "dc0": dc_next, "dkernel": dk, "drecurrent_kernel": drk, "dbias": db}
"""
}
EXPECT_FAILED = {"lstm_backward.built_on"}
