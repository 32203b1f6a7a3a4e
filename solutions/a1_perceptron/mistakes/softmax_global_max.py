"""softmax shifted by the maximum of the whole array instead of each row's: rows far below it underflow to 0 / 0."""

CELLS = {
    "softmax": "def softmax(z):\n    e = np.exp(z - np.max(z))\n    return e / np.sum(e, axis=-1, keepdims=True)\n"
}
EXPECT_FAILED = {"softmax.stable"}
