"""init_params draws W2 before W1 (the release says W1, then W2)."""

CELLS = {
    "init_params": 'def init_params(n_x, n_h, n_y, seed):\n    rng = np.random.default_rng(seed)\n    W2 = rng.standard_normal((n_h, n_y)) * np.sqrt(1.0 / n_h)\n    W1 = rng.standard_normal((n_x, n_h)) * np.sqrt(2.0 / n_x)\n    return {"W1": W1, "b1": np.zeros(n_h), "W2": W2, "b2": np.zeros(n_y)}\n'
}
EXPECT_FAILED = {
    "init_params.hidden",
    "init_params.values",
}
