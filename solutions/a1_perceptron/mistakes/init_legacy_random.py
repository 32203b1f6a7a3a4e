"""init_params draws from the legacy global generator (np.random.seed(seed), np.random.randn), not
from np.random.default_rng(seed)."""

CELLS = {
    "init_params": 'def init_params(n_x, n_h, n_y, seed):\n    np.random.seed(seed)\n    W1 = np.random.randn(n_x, n_h) * np.sqrt(2.0 / n_x)\n    W2 = np.random.randn(n_h, n_y) * np.sqrt(1.0 / n_h)\n    return {"W1": W1, "b1": np.zeros(n_h), "W2": W2, "b2": np.zeros(n_y)}\n'
}
EXPECT_FAILED = {
    "init_params.hidden",
    "init_params.values",
}
