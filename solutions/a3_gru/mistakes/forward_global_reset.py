"""gru_forward uses a notebook-wide RESET_AFTER instead of its reset_after argument (a global variable)."""

CELLS = {
    "gru_forward": """RESET_AFTER = True

def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    hs = scan(lambda h, x: gru_step(h, x, kernel, recurrent_kernel, bias, RESET_AFTER), np.swapaxes(x_seq, 0, 1), h0)
    return np.swapaxes(hs, 0, 1)
"""
}
EXPECT_FAILED = {"gru_forward.keras_reset_before", "gru_forward.hidden", "gru_forward.keras_hidden_before"}
