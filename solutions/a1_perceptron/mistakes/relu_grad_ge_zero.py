"""relu_grad with >= 0: the derivative at exactly 0 is 1 (the docstring says 0 there)."""

CELLS = {"relu_grad": "def relu_grad(z):\n    return (z >= 0).astype(z.dtype)\n"}
EXPECT_FAILED = {
    "relu_grad.any_shape",
    "relu_grad.at_zero",
}
