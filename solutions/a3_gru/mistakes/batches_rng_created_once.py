"""batch_pairs creates its generator once, on the first call, and keeps drawing from it: a second
call on the same arguments shuffles differently (randomness not drawn from the given seed)."""

CELLS = {
    "batch_pairs": """_RNG = []

def batch_pairs(inputs, targets, batch_size, seed):
    if not _RNG:
        _RNG.append(np.random.default_rng(seed))
    order = _RNG[0].permutation(len(inputs))
    return [(inputs[order[k * batch_size:(k + 1) * batch_size]], targets[order[k * batch_size:(k + 1) * batch_size]])
            for k in range(len(inputs) // batch_size)]
"""
}
EXPECT_FAILED = {
    "batch_pairs.exact",
    "batch_pairs.repeatable",
}
