"""gru_forward writes the GRU step again inside its scan instead of calling gru_step, where the
docstring says it is built on gru_step (contract: built_on; the values are right)."""

CELLS = {
    "gru_forward": """def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    n = h0.shape[1]
    b_in, b_rec = (bias[0], bias[1]) if reset_after else (bias, np.zeros_like(bias))

    def step(h, x):
        xz = x @ kernel + b_in
        hz = h @ recurrent_kernel + b_rec
        z = 1 / (1 + np.exp(-(xz[:, :n] + hz[:, :n])))
        r = 1 / (1 + np.exp(-(xz[:, n:2 * n] + hz[:, n:2 * n])))
        if reset_after:
            cand = np.tanh(xz[:, 2 * n:] + r * hz[:, 2 * n:])
        else:
            cand = np.tanh(xz[:, 2 * n:] + (r * h) @ recurrent_kernel[:, 2 * n:])
        return z * h + (1 - z) * cand

    hs = scan(step, np.swapaxes(x_seq, 0, 1), h0)
    return np.swapaxes(hs, 0, 1)
"""
}
EXPECT_FAILED = {"gru_forward.built_on"}
