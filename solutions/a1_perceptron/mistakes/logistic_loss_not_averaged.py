"""logistic_loss returns the per-example losses instead of their mean."""

CELLS = {"logistic_loss": "def logistic_loss(p, y):\n    return -(y * np.log(p) + (1 - y) * np.log(1 - p))\n"}
EXPECT_FAILED = {
    "logistic_gradients.numeric",
    "logistic_loss.hidden",
    "logistic_loss.unchanged",
    "logistic_loss.values",
}
MESSAGE = "expected a scalar, received an array of shape (7,)"
