"""gru_step mixes the new state into the caller's h_prev in place (h_prev *= z; h_prev += ...)."""

CELLS = {
    "gru_step": """def gru_step(h_prev, x, kernel, recurrent_kernel, bias, reset_after):
    n_h = h_prev.shape[1]
    b_x, b_h = (bias[0], bias[1]) if reset_after else (bias, np.zeros_like(bias))
    gx = x @ kernel + b_x
    gh = h_prev @ recurrent_kernel + b_h
    z = sigmoid(gx[:, :n_h] + gh[:, :n_h])
    r = sigmoid(gx[:, n_h:2 * n_h] + gh[:, n_h:2 * n_h])
    if reset_after:
        h_cand = np.tanh(gx[:, 2 * n_h:] + r * gh[:, 2 * n_h:])
    else:
        h_cand = np.tanh(gx[:, 2 * n_h:] + (r * h_prev) @ recurrent_kernel[:, 2 * n_h:])
    h_prev *= z
    h_prev += (1 - z) * h_cand
    return h_prev
"""
}
EXPECT_FAILED = {
    "gru_forward.hidden",
    "gru_forward.keras_hidden_after",
    "gru_forward.keras_hidden_before",
    "gru_forward.keras_reset_after",
    "gru_forward.keras_reset_before",
    "gru_forward.unchanged",
    "gru_forward.uses_scan",
    "gru_forward.values",
    "gru_step.unchanged",
}
