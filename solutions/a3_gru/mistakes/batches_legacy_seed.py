"""batch_pairs shuffles with the legacy global generator (np.random.seed(seed); np.random.permutation(n))
instead of np.random.default_rng(seed).permutation(n): another order."""

CELLS = {
    "batch_pairs": """def batch_pairs(inputs, targets, batch_size, seed):
    np.random.seed(seed)
    order = np.random.permutation(len(inputs))
    return [(inputs[order[k * batch_size:(k + 1) * batch_size]], targets[order[k * batch_size:(k + 1) * batch_size]])
            for k in range(len(inputs) // batch_size)]
"""
}
EXPECT_FAILED = {"batch_pairs.values", "batch_pairs.hidden", "batch_pairs.exact"}
