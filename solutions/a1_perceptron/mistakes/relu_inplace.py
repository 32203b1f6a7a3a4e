"""relu writes into its input: z[z < 0] = 0 changes the caller's array."""

CELLS = {"relu": "def relu(z):\n    z[z < 0] = 0.0\n    return z\n"}
EXPECT_FAILED = {
    "backward.numeric",
    "forward.hidden",
    "forward.unchanged",
    "forward.values",
    "relu.own_result",
    "relu.unchanged",
}
