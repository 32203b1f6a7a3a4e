"""softmax normalised over the examples (axis 0) instead of the classes."""
CELLS = {"softmax": "def softmax(z):\n    e = np.exp(z - np.max(z, axis=0, keepdims=True))\n    return e / np.sum(e, axis=0, keepdims=True)\n"}
EXPECT_FAILED = {"softmax.values", "softmax.shape", "softmax.stable", "forward.values", "forward.hidden", "backward.values", "backward.hidden", "backward.isolation", "train_network.values", "train_network.minibatch", "train_network.sgd", "backward.numeric"}
MESSAGE = "softmax(z) for z of shape (6, 5): values differ"
