"""train_network never shuffles: batches are taken in the original order."""

CELLS = {
    "train_network": "def train_network(X, y, params, lr, epochs, batch_size, seed):\n    m = X.shape[0]\n    costs = np.zeros(epochs)\n    for epoch in range(epochs):\n        for start in range(0, m, batch_size):\n            idx = np.arange(m)[start:start + batch_size]\n            _, cache = forward(X[idx], params)\n            params = update_params(params, backward(X[idx], y[idx], params, cache), lr)\n        costs[epoch] = cross_entropy(forward(X, params)[0], y)\n    return params, costs\n"
}
EXPECT_FAILED = {"train_network.minibatch", "train_network.sgd"}
