"""update_params changes the caller's parameter arrays in place."""

CELLS = {
    "update_params": "def update_params(params, grads, lr):\n    for k in ('W1', 'b1', 'W2', 'b2'):\n        params[k] -= lr * grads['d' + k]\n    return params\n"
}
EXPECT_FAILED = {
    "train_network.own_result",
    "train_network.unchanged",
    "update_params.copy",
    "update_params.own_result",
    "update_params.unchanged",
}
