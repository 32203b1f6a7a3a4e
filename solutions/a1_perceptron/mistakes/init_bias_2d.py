"""init_params makes the biases row vectors of shape (1, n) instead of (n,) (they broadcast the same)."""

CELLS = {
    "init_params": 'def init_params(n_x, n_h, n_y, seed):\n    rng = np.random.default_rng(seed)\n    W1 = rng.standard_normal((n_x, n_h)) * np.sqrt(2.0 / n_x)\n    W2 = rng.standard_normal((n_h, n_y)) * np.sqrt(1.0 / n_h)\n    return {"W1": W1, "b1": np.zeros((1, n_h)), "W2": W2, "b2": np.zeros((1, n_y))}\n'
}
EXPECT_FAILED = {
    "init_params.hidden",
    "init_params.values",
}
