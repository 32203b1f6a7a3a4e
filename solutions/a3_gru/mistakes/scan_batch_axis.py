"""gru_forward scans over axis 0 of x_seq (the batch) instead of the time axis."""

CELLS = {
    "gru_forward": """def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    return scan(lambda h, x: gru_step(h, x, kernel, recurrent_kernel, bias, reset_after), x_seq, h0)
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
MESSAGE = "ValueError"
