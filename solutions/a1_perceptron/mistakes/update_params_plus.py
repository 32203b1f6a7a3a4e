"""update_params steps up the gradient: P + lr * dP."""

CELLS = {
    "update_params": 'def update_params(params, grads, lr):\n    return {k: params[k] + lr * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}\n'
}
EXPECT_FAILED = {
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.values",
    "update_params.values",
}
