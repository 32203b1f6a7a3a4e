"""backward forgets the ReLU derivative on the way back to the hidden layer."""

CELLS = {
    "backward": "def backward(X, y, params, cache):\n    m = X.shape[0]\n    Y = np.zeros_like(cache['A2'])\n    Y[np.arange(m), y] = 1.0\n    dZ2 = (cache['A2'] - Y) / m\n    dZ1 = dZ2 @ params['W2'].T\n    return {'dW1': X.T @ dZ1, 'db1': dZ1.sum(axis=0), 'dW2': cache['A1'].T @ dZ2, 'db2': dZ2.sum(axis=0)}\n"
}
EXPECT_FAILED = {
    "backward.hidden",
    "backward.absent_classes",
    "backward.numeric",
    "backward.unchanged",
    "backward.values",
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.unchanged",
    "train_network.values",
}
MESSAGE = "values differ"
