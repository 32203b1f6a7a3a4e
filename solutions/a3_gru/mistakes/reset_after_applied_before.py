"""reset_after=True: the reset gate multiplies h_prev before the recurrent product, r * h_prev @ U_h + b^h_h,
instead of the product after it, r * (h_prev @ U_h + b^h_h)."""

CELLS = {
    "gru_step": """def gru_step(h_prev, x, kernel, recurrent_kernel, bias, reset_after):
    n_h = h_prev.shape[1]
    if reset_after:
        b_x, b_h = bias[0], bias[1]
    else:
        b_x, b_h = bias, np.zeros_like(bias)
    gx = x @ kernel + b_x
    gh = h_prev @ recurrent_kernel[:, :2 * n_h] + b_h[:2 * n_h]
    z = sigmoid(gx[:, :n_h] + gh[:, :n_h])
    r = sigmoid(gx[:, n_h:2 * n_h] + gh[:, n_h:])
    if reset_after:
        h_cand = np.tanh(gx[:, 2 * n_h:] + (r * h_prev) @ recurrent_kernel[:, 2 * n_h:] + b_h[2 * n_h:])
    else:
        h_cand = np.tanh(gx[:, 2 * n_h:] + (r * h_prev) @ recurrent_kernel[:, 2 * n_h:])
    return z * h_prev + (1 - z) * h_cand
"""
}
EXPECT_FAILED = {
    "gru_forward.keras_hidden_after",
    "gru_forward.keras_reset_after",
    "gru_forward.one_step",
    "gru_forward.values",
    "gru_step.bias_only",
    "gru_step.hidden",
    "gru_step.reset_after",
}
