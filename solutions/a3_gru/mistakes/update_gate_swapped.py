"""z and 1 - z swapped: h_t = (1 - z) * h_prev + z * h~ (the other textbook convention, not Keras's)."""

CELLS = {
    "gru_step": """def gru_step(h_prev, x, kernel, recurrent_kernel, bias, reset_after):
    n_h = h_prev.shape[1]
    b_x, b_h = (bias[0], bias[1]) if reset_after else (bias, np.zeros_like(bias))
    gx = x @ kernel + b_x
    gh = h_prev @ recurrent_kernel[:, :2 * n_h] + b_h[:2 * n_h]
    z = sigmoid(gx[:, :n_h] + gh[:, :n_h])
    r = sigmoid(gx[:, n_h:2 * n_h] + gh[:, n_h:])
    if reset_after:
        h_cand = np.tanh(gx[:, 2 * n_h:] + r * (h_prev @ recurrent_kernel[:, 2 * n_h:] + b_h[2 * n_h:]))
    else:
        h_cand = np.tanh(gx[:, 2 * n_h:] + (r * h_prev) @ recurrent_kernel[:, 2 * n_h:])
    return (1 - z) * h_prev + z * h_cand
"""
}
EXPECT_FAILED = {
    "gru_forward.hidden",
    "gru_forward.keras_hidden_after",
    "gru_forward.keras_hidden_before",
    "gru_forward.keras_reset_after",
    "gru_forward.keras_reset_before",
    "gru_forward.one_step",
    "gru_forward.unchanged",
    "gru_forward.uses_scan",
    "gru_forward.values",
    "gru_step.bias_only",
    "gru_step.bias_only_before",
    "gru_step.candidate_only",
    "gru_step.h_only",
    "gru_step.hidden",
    "gru_step.keep_state",
    "gru_step.reset_after",
    "gru_step.reset_before",
    "gru_step.saturated",
    "gru_step.unchanged",
    "gru_step.x_only",
}
MESSAGE = "values differ"
