"""Correct norms, but x_seq is scaled in place (and back) while computing them, leaving rounding changes."""

CELLS = {
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    dhs = np.zeros((x_seq.shape[0], x_seq.shape[1], h0.shape[1]))
    dhs[:, -1] = 1.0
    dx_seq = lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias)["dx_seq"]
    x_seq *= 3.0
    x_seq /= 3.0
    x_seq += 1e-9
    return np.sqrt(np.sum(dx_seq ** 2, axis=(0, 2)))
"""
}
EXPECT_FAILED = {"last_step_input_grad_norms.unchanged"}
