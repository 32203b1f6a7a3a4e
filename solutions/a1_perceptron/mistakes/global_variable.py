"""cross_entropy uses a global label array from the notebook instead of its argument y."""

CELLS = {
    "cross_entropy": "y_train_labels = np.zeros(100, dtype=int)\n\ndef cross_entropy(A2, y):\n    m = A2.shape[0]\n    return float(-np.mean(np.log(A2[np.arange(m), y_train_labels[:m]])))\n"
}
EXPECT_FAILED = {
    "backward.numeric",
    "cross_entropy.hidden",
    "cross_entropy.unchanged",
    "cross_entropy.values",
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.unchanged",
    "train_network.values",
}
