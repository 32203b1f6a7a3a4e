"""The gate blocks are read in the order [f | i | g | o]: input and forget gates swapped."""
CELLS = {"lstm_step": """def lstm_step(h_prev, c_prev, x, kernel, recurrent_kernel, bias):
    n_h = h_prev.shape[1]
    z = x @ kernel + h_prev @ recurrent_kernel + bias
    f = sigmoid(z[:, :n_h])
    i = sigmoid(z[:, n_h:2 * n_h])
    g = np.tanh(z[:, 2 * n_h:3 * n_h])
    o = sigmoid(z[:, 3 * n_h:])
    c = f * c_prev + i * g
    return o * np.tanh(c), c
"""}
EXPECT_FAILED = set()
