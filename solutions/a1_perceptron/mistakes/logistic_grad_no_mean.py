"""logistic_gradients forgets to divide by the number of examples."""

CELLS = {
    "logistic_gradients": "def logistic_gradients(X, y, w, b):\n    p = logistic_forward(X, w, b)\n    return X.T @ (p - y), float(np.sum(p - y))\n"
}
EXPECT_FAILED = {
    "logistic_gradients.hidden",
    "logistic_gradients.numeric",
    "logistic_gradients.unchanged",
    "logistic_gradients.values",
}
MESSAGE = "values differ"
