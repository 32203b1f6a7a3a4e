"""last_step_input_grad_norms adds up one norm per example (over the features only) instead of taking
one norm over the whole batch and the features."""

CELLS = {
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    m, T, _ = x_seq.shape
    dhs = np.zeros((m, T, h0.shape[1]))
    dhs[:, -1] = 1.0
    dx_seq = lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias)["dx_seq"]
    return np.sqrt(np.sum(dx_seq ** 2, axis=2)).sum(axis=0)
"""
}
EXPECT_FAILED = {"last_step_input_grad_norms.hidden", "last_step_input_grad_norms.values"}
