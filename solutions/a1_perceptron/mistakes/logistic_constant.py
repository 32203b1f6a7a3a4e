"""A constant loss with zero gradients: consistent with itself (finite differences of it are 0), wrong."""

CELLS = {
    "logistic_loss": "def logistic_loss(p, y):\n    return 0.0\n",
    "logistic_gradients": "def logistic_gradients(X, y, w, b):\n    return np.zeros_like(w), 0.0\n",
}
EXPECT_FAILED = {
    "logistic_loss.values",
    "logistic_loss.hidden",
    "logistic_loss.unchanged",
    "logistic_gradients.values",
    "logistic_gradients.numeric",
    "logistic_gradients.hidden",
    "logistic_gradients.unchanged",
}
