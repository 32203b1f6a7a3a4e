"""batch_pairs shuffles the inputs and the targets with two different permutations (pairs are broken)."""

CELLS = {
    "batch_pairs": """def batch_pairs(inputs, targets, batch_size, seed):
    rng = np.random.default_rng(seed)
    ox, oy = rng.permutation(len(inputs)), rng.permutation(len(inputs))
    return [(inputs[ox[k * batch_size:(k + 1) * batch_size]], targets[oy[k * batch_size:(k + 1) * batch_size]])
            for k in range(len(inputs) // batch_size)]
"""
}
EXPECT_FAILED = {"batch_pairs.exact", "batch_pairs.hidden", "batch_pairs.unchanged", "batch_pairs.values"}
MESSAGE = "values differ"
