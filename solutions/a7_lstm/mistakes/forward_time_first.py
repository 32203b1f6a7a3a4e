"""lstm_forward stacks the states on axis 0: hs and cs of shape (T, m, n_h) instead of (m, T, n_h)."""

CELLS = {
    "lstm_forward": """def lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    h, c = h0, c0
    hs, cs = [], []
    for t in range(x_seq.shape[1]):
        h, c = lstm_step(h, c, x_seq[:, t], kernel, recurrent_kernel, bias)
        hs.append(h)
        cs.append(c)
    return np.stack(hs), np.stack(cs)
"""
}
EXPECT_FAILED = {
    "last_step_input_grad_norms.hidden",
    "last_step_input_grad_norms.one_example",
    "last_step_input_grad_norms.values",
    "lstm_backward.hidden",
    "lstm_backward.last_only",
    "lstm_backward.numeric",
    "lstm_backward.tape",
    "lstm_backward.tape_long",
    "lstm_backward.values",
    "lstm_forward.hidden",
    "lstm_forward.keras",
    "lstm_forward.keras_hidden",
    "lstm_forward.one_step",
    "lstm_forward.values",
}
