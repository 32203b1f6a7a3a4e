"""lstm_step with np.split into four gates and tanh written as 2 sigmoid(2z) - 1; lstm_bias_init by concatenation."""

CELLS = {
    "lstm_step": """def lstm_step(h_prev, c_prev, x, kernel, recurrent_kernel, bias):
    zi, zf, zg, zo = np.split(np.dot(x, kernel) + np.dot(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_new = sigmoid(zf) * c_prev + sigmoid(zi) * (2 * sigmoid(2 * zg) - 1)
    h_new = sigmoid(zo) * (2 * sigmoid(2 * c_new) - 1)
    return h_new, c_new
""",
    "lstm_bias_init": """def lstm_bias_init(units, unit_forget_bias):
    f = np.ones(units) if unit_forget_bias else np.zeros(units)
    return np.concatenate([np.zeros(units), f, np.zeros(2 * units)]).astype(np.float64)
""",
}
