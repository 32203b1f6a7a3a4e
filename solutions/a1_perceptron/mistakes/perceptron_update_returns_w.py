"""perceptron_update returns the caller's w itself when the example is already right (nothing to
change), not a new array (contract: own_result)."""

CELLS = {
    "perceptron_update": "def perceptron_update(x, y, w, b, lr):\n    y_hat = 1 if float(x @ w + b) > 0 else 0\n    if y_hat == y:\n        return w, float(b)\n    step = lr * (y - y_hat)\n    return w + step * x, float(b + step)\n"
}
EXPECT_FAILED = {
    "perceptron_update.own_result",
}
