"""softmax normalised over the examples (axis 0) instead of the classes."""

CELLS = {
    "softmax": "def softmax(z):\n    e = np.exp(z - np.max(z, axis=0, keepdims=True))\n    return e / np.sum(e, axis=0, keepdims=True)\n"
}
EXPECT_FAILED = {
    "backward.hidden",
    "backward.absent_classes",
    "backward.isolation",
    "backward.numeric",
    "backward.unchanged",
    "backward.values",
    "forward.hidden",
    "forward.unchanged",
    "forward.values",
    "softmax.shape",
    "softmax.stable",
    "softmax.unchanged",
    "softmax.values",
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.unchanged",
    "train_network.values",
}
MESSAGE = "softmax(z) for z of shape (6, 5): values differ"
