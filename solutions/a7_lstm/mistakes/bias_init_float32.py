"""lstm_bias_init makes a float32 bias, as Keras stores its weights, where the docstring says float64."""

CELLS = {
    "lstm_bias_init": """def lstm_bias_init(units, unit_forget_bias):
    bias = np.zeros(4 * units, dtype=np.float32)
    if unit_forget_bias:
        bias[units:2 * units] = 1.0
    return bias
"""
}
EXPECT_FAILED = {
    "lstm_bias_init.forget_bias",
    "lstm_bias_init.keras",
    "lstm_bias_init.keras_hidden",
    "lstm_bias_init.no_forget_bias",
}
