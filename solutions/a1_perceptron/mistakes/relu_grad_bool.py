"""relu_grad returns a boolean mask instead of floats."""

CELLS = {"relu_grad": "def relu_grad(z):\n    return z > 0\n"}
EXPECT_FAILED = {"relu_grad.any_shape", "relu_grad.at_zero", "relu_grad.unchanged", "relu_grad.values"}
MESSAGE = "expected dtype float64, received bool"
