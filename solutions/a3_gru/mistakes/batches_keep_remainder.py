"""batch_pairs keeps a last, smaller batch with the remainder instead of dropping it."""

CELLS = {
    "batch_pairs": """def batch_pairs(inputs, targets, batch_size, seed):
    order = np.random.default_rng(seed).permutation(len(inputs))
    return [(inputs[order[k:k + batch_size]], targets[order[k:k + batch_size]]) for k in range(0, len(inputs), batch_size)]
"""
}
EXPECT_FAILED = {"batch_pairs.hidden", "batch_pairs.unchanged", "batch_pairs.values"}
MESSAGE = "expected 3 items, received 4"
