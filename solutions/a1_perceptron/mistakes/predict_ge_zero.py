"""perceptron_predict with >= 0: a score of exactly 0 predicts 1 (the docstring says > 0)."""

CELLS = {"perceptron_predict": "def perceptron_predict(X, w, b):\n    return (X @ w + b >= 0).astype(np.int64)\n"}
EXPECT_FAILED = {"perceptron_predict.at_zero"}
