"""rnn_cost takes the mean of Y * log(ys) over every entry, classes included: the cost is divided
by n_y too (the classes must be summed, not averaged)."""

CELLS = {
    "rnn_cost": "def rnn_cost(ys, targets):\n    T, n_y, m = ys.shape\n    Y = np.zeros_like(ys)\n    Y[np.arange(T)[:, None], targets, np.arange(m)[None, :]] = 1.0\n    return float(-np.mean(Y * np.log(ys)))\n"
}
EXPECT_FAILED = {
    "rnn_cost.hidden",
    "rnn_cost.values",
}
