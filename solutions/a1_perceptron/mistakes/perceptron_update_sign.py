"""Rosenblatt's rule with the error reversed: (y_hat - y) instead of (y - y_hat)."""

CELLS = {
    "perceptron_update": "def perceptron_update(x, y, w, b, lr):\n    y_hat = 1 if float(x @ w + b) > 0 else 0\n    step = lr * (y_hat - y)\n    return w + step * x, float(b + step)\n"
}
EXPECT_FAILED = {
    "perceptron_update.copy",
    "perceptron_update.small_score",
    "perceptron_update.values",
    "train_perceptron.first_at_zero",
    "train_perceptron.hidden",
    "train_perceptron.unchanged",
    "train_perceptron.values",
}
MESSAGE = "values differ"
