"""unit_forget_bias is ignored: the forget block of the bias starts at 0, not 1."""

CELLS = {
    "lstm_bias_init": """def lstm_bias_init(units, unit_forget_bias):
    return np.zeros(4 * units)
"""
}
EXPECT_FAILED = {"lstm_bias_init.forget_bias", "lstm_bias_init.keras", "lstm_bias_init.keras_hidden"}
