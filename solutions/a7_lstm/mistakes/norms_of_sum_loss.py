"""The gradient of the sum of all steps' losses (dhs = 1 everywhere) instead of the last step's loss."""

CELLS = {
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    dhs = np.ones((x_seq.shape[0], x_seq.shape[1], h0.shape[1]))
    dx_seq = lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias)["dx_seq"]
    return np.sqrt(np.sum(dx_seq ** 2, axis=(0, 2)))
"""
}
EXPECT_FAILED = {
    "last_step_input_grad_norms.hidden",
    "last_step_input_grad_norms.one_example",
    "last_step_input_grad_norms.unchanged",
    "last_step_input_grad_norms.values",
}
