"""sigmoid with the sign of the exponent flipped: 1 / (1 + exp(z))."""

CELLS = {"sigmoid": "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(z))\n"}
EXPECT_FAILED = {
    "logistic_forward.unchanged",
    "logistic_forward.values",
    "logistic_gradients.hidden",
    "logistic_gradients.numeric",
    "logistic_gradients.unchanged",
    "logistic_gradients.values",
    "sigmoid.extremes",
    "sigmoid.unchanged",
    "sigmoid.values",
}
MESSAGE = "values differ"
