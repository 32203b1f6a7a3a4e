"""perceptron_update predicts with >= 0, so an example scored exactly 0 counts as predicted 1."""

CELLS = {
    "perceptron_update": """def perceptron_update(x, y, w, b, lr):
    y_hat = 1 if float(x @ w + b) >= 0 else 0
    step = lr * (y - y_hat)
    return w + step * x, float(b + step)
"""
}
EXPECT_FAILED = {
    "perceptron_update.at_zero",
    "train_perceptron.first_at_zero",
    "train_perceptron.hidden",
    "train_perceptron.unchanged",
    "train_perceptron.values",
}
