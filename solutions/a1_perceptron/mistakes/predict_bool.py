"""perceptron_predict returns the boolean comparison itself, not an integer array of 0/1."""

CELLS = {"perceptron_predict": "def perceptron_predict(X, w, b):\n    return X @ w + b > 0\n"}
EXPECT_FAILED = {
    "perceptron_predict.integers",
}
