"""batch_pairs shuffles the caller's inputs and targets in place (same permutation) and returns
slices of them: right batches, but the arguments changed and the batches are views of them."""

CELLS = {
    "batch_pairs": """def batch_pairs(inputs, targets, batch_size, seed):
    order = np.random.default_rng(seed).permutation(len(inputs))
    inputs[:] = inputs[order]
    targets[:] = targets[order]
    return [(inputs[k * batch_size:(k + 1) * batch_size], targets[k * batch_size:(k + 1) * batch_size])
            for k in range(len(inputs) // batch_size)]
"""
}
EXPECT_FAILED = {"batch_pairs.unchanged", "batch_pairs.own_result"}
