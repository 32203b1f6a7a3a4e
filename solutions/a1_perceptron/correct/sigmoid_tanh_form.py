"""sigmoid through tanh: 1/2 (1 + tanh(z/2)), the same function and stable for large |z|."""

CELLS = {"sigmoid": "def sigmoid(z):\n    return 0.5 * (1.0 + np.tanh(0.5 * z))\n"}
