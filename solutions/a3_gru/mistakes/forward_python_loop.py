"""gru_forward as a Python loop over time instead of through scan (the docstring requires scan)."""

CELLS = {
    "gru_forward": """def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    h, states = h0, []
    for t in range(x_seq.shape[1]):
        h = gru_step(h, x_seq[:, t], kernel, recurrent_kernel, bias, reset_after)
        states.append(h)
    return np.stack(states, axis=1)
"""
}
EXPECT_FAILED = {"gru_forward.uses_scan"}
MESSAGE = "the docstring requires scan"
