"""gru_step with a hand-written tanh, (e^z - e^-z) / (e^z + e^-z): inf / inf = nan beyond |z| = 709."""

CELLS = {
    "gru_step": """def gru_step(h_prev, x, kernel, recurrent_kernel, bias, reset_after):
    def tanh(a):
        return (np.exp(a) - np.exp(-a)) / (np.exp(a) + np.exp(-a))
    n_h = h_prev.shape[1]
    b_x, b_h = (bias[0], bias[1]) if reset_after else (bias, np.zeros_like(bias))
    gx = x @ kernel + b_x
    gh = h_prev @ recurrent_kernel + b_h
    z = sigmoid(gx[:, :n_h] + gh[:, :n_h])
    r = sigmoid(gx[:, n_h:2 * n_h] + gh[:, n_h:2 * n_h])
    if reset_after:
        h_cand = tanh(gx[:, 2 * n_h:] + r * gh[:, 2 * n_h:])
    else:
        h_cand = tanh(gx[:, 2 * n_h:] + (r * h_prev) @ recurrent_kernel[:, 2 * n_h:])
    return z * h_prev + (1 - z) * h_cand
"""
}
EXPECT_FAILED = {"gru_step.saturated"}
