"""init_params scales W2 by sqrt(2 / n_h) (He, as W1) instead of sqrt(1 / n_h)."""

CELLS = {
    "init_params": 'def init_params(n_x, n_h, n_y, seed):\n    rng = np.random.default_rng(seed)\n    W1 = rng.standard_normal((n_x, n_h)) * np.sqrt(2.0 / n_x)\n    W2 = rng.standard_normal((n_h, n_y)) * np.sqrt(2.0 / n_h)\n    return {"W1": W1, "b1": np.zeros(n_h), "W2": W2, "b2": np.zeros(n_y)}\n'
}
EXPECT_FAILED = {
    "init_params.hidden",
    "init_params.values",
}
