"""gru_forward scans over time but returns the states time-first (T, m, n_h) instead of (m, T, n_h)."""

CELLS = {
    "gru_forward": """def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    return scan(lambda h, x: gru_step(h, x, kernel, recurrent_kernel, bias, reset_after), np.swapaxes(x_seq, 0, 1), h0)
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
}
MESSAGE = "expected shape (6, 5, 3), received (5, 6, 3)"
