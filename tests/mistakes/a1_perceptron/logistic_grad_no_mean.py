"""logistic_gradients forgets to divide by the number of examples."""
CELLS = {"logistic_gradients": "def logistic_gradients(X, y, w, b):\n    p = logistic_forward(X, w, b)\n    return X.T @ (p - y), float(np.sum(p - y))\n"}
EXPECT_FAILED = {"logistic_gradients.values", "logistic_gradients.hidden", "logistic_gradients.numeric"}
MESSAGE = "values differ"
