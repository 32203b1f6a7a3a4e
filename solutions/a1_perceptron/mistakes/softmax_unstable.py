"""softmax without subtracting the maximum: overflows on large scores."""

CELLS = {"softmax": "def softmax(z):\n    e = np.exp(z)\n    return e / np.sum(e, axis=-1, keepdims=True)\n"}
EXPECT_FAILED = {"softmax.stable"}
