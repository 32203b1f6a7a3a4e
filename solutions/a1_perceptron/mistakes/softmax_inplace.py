"""softmax shifts its input in place (z -= max), which also changes the Z2 that forward caches."""

CELLS = {
    "softmax": "def softmax(z):\n    z -= np.max(z, axis=-1, keepdims=True)\n    e = np.exp(z)\n    return e / np.sum(e, axis=-1, keepdims=True)\n"
}
EXPECT_FAILED = {"backward.numeric", "forward.hidden", "forward.unchanged", "forward.values", "softmax.unchanged"}
MESSAGE = "Z2"
