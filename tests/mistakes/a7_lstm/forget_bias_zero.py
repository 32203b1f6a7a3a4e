"""unit_forget_bias is ignored: the forget block of the bias starts at 0, not 1."""
CELLS = {"lstm_bias_init": """def lstm_bias_init(units, unit_forget_bias):
    return np.zeros(4 * units)
"""}
EXPECT_FAILED = set()
