"""train_network makes its generator inside the epoch loop: every epoch gets the same permutation."""

CELLS = {
    "train_network": "def train_network(X, y, params, lr, epochs, batch_size, seed):\n    m = X.shape[0]\n    costs = np.zeros(epochs)\n    for epoch in range(epochs):\n        order = np.random.default_rng(seed).permutation(m)\n        for start in range(0, m, batch_size):\n            idx = order[start:start + batch_size]\n            _, cache = forward(X[idx], params)\n            params = update_params(params, backward(X[idx], y[idx], params, cache), lr)\n        costs[epoch] = cross_entropy(forward(X, params)[0], y)\n    return params, costs\n"
}
EXPECT_FAILED = {
    "train_network.minibatch",
    "train_network.sgd",
}
