"""sigmoid with the sign of the exponent flipped: 1 / (1 + exp(z))."""
CELLS = {"sigmoid": "def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(z))\n"}
EXPECT_FAILED = {"sigmoid.values", "sigmoid.extremes", "logistic_forward.values", "logistic_gradients.values", "logistic_gradients.hidden", "logistic_gradients.numeric"}
MESSAGE = "values differ"
