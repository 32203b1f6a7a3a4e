"""init_params draws small random biases (after W1 and W2) instead of zeros."""

CELLS = {
    "init_params": 'def init_params(n_x, n_h, n_y, seed):\n    rng = np.random.default_rng(seed)\n    W1 = rng.standard_normal((n_x, n_h)) * np.sqrt(2.0 / n_x)\n    W2 = rng.standard_normal((n_h, n_y)) * np.sqrt(1.0 / n_h)\n    return {"W1": W1, "b1": rng.standard_normal(n_h) * 0.01, "W2": W2, "b2": rng.standard_normal(n_y) * 0.01}\n'
}
EXPECT_FAILED = {
    "init_params.hidden",
    "init_params.values",
}
