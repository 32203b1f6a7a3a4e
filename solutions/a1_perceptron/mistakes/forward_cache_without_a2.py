"""forward leaves A2 out of the cache (it is returned anyway): the cache lacks a documented key."""

CELLS = {
    "forward": 'def forward(X, params):\n    Z1 = X @ params["W1"] + params["b1"]\n    A1 = relu(Z1)\n    Z2 = A1 @ params["W2"] + params["b2"]\n    A2 = softmax(Z2)\n    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2}\n'
}
EXPECT_FAILED = {
    "backward.absent_classes",
    "backward.hidden",
    "backward.isolation",
    "backward.values",
    "forward.hidden",
    "forward.values",
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.values",
}
