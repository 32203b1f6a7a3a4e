"""train_perceptron visits the examples in a (seeded) random order each epoch instead of in order."""

CELLS = {
    "train_perceptron": "def train_perceptron(X, y, epochs, lr):\n    w = np.zeros(X.shape[1])\n    b = 0.0\n    mistakes = np.zeros(epochs, dtype=np.int64)\n    for epoch in range(epochs):\n        for i in np.random.default_rng(epoch).permutation(X.shape[0]):\n            y_hat = 1 if float(X[i] @ w + b) > 0 else 0\n            if y_hat != y[i]:\n                mistakes[epoch] += 1\n            w, b = perceptron_update(X[i], y[i], w, b, lr)\n    return w, b, mistakes\n"
}
EXPECT_FAILED = {
    "train_perceptron.first_at_zero",
    "train_perceptron.hidden",
    "train_perceptron.values",
}
