"""relu_grad returns a boolean mask instead of floats."""
CELLS = {"relu_grad": "def relu_grad(z):\n    return z > 0\n"}
EXPECT_FAILED = {"relu_grad.values", "relu_grad.at_zero"}
MESSAGE = "expected dtype float64, received bool"
