"""rnn_cost sums over the time steps instead of averaging."""

CELLS = {
    "rnn_cost": "def rnn_cost(ys, targets):\n    T, _, m = ys.shape\n    picked = ys[np.arange(T)[:, None], targets, np.arange(m)[None, :]]\n    return float(-np.sum(np.log(picked)) / m)\n"
}
EXPECT_FAILED = {
    "rnn_backward.long_numeric",
    "rnn_backward.numeric",
    "rnn_cost.hidden",
    "rnn_cost.unchanged",
    "rnn_cost.values",
}
MESSAGE = "values differ"
