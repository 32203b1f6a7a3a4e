"""perceptron_update modifies the caller's weight vector in place."""

CELLS = {
    "perceptron_update": "def perceptron_update(x, y, w, b, lr):\n    y_hat = 1 if float(x @ w + b) > 0 else 0\n    w += lr * (y - y_hat) * x\n    return w, float(b + lr * (y - y_hat))\n"
}
EXPECT_FAILED = {"perceptron_update.copy", "perceptron_update.own_result", "perceptron_update.unchanged"}
