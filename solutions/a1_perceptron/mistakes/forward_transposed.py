"""forward multiplies W1 @ X.T: the examples end up in the columns."""

CELLS = {
    "forward": "def forward(X, params):\n    Z1 = (params['W1'].T @ X.T).T + params['b1']\n    A1 = relu(Z1)\n    Z2 = A1 @ params['W2'] + params['b2']\n    A2 = softmax(Z2.T).T\n    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}\n"
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
    "train_network.minibatch",
    "train_network.sgd",
    "train_network.unchanged",
    "train_network.values",
}
MESSAGE = "values differ"
