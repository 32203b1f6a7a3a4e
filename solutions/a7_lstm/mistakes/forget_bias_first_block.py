"""The ones of unit_forget_bias go into the first block (the input gate) instead of the second."""

CELLS = {
    "lstm_bias_init": """def lstm_bias_init(units, unit_forget_bias):
    bias = np.zeros(4 * units)
    if unit_forget_bias:
        bias[:units] = 1.0
    return bias
"""
}
EXPECT_FAILED = {"lstm_bias_init.forget_bias", "lstm_bias_init.keras", "lstm_bias_init.keras_hidden"}
