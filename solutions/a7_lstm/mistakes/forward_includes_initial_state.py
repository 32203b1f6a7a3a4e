"""lstm_forward stores each state before the step instead of after it: it returns h_0 ... h_{T-1} and
c_0 ... c_{T-1} (the initial states in, the last states out)."""

CELLS = {
    "lstm_forward": """def lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    h, c = h0, c0
    hs, cs = [], []
    for t in range(x_seq.shape[1]):
        hs.append(h)
        cs.append(c)
        h, c = lstm_step(h, c, x_seq[:, t], kernel, recurrent_kernel, bias)
    return np.stack(hs, axis=1), np.stack(cs, axis=1)
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
