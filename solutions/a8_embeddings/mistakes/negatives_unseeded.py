"""sample_negatives makes its generator with np.random.default_rng() and never uses seed: another table
at every call."""

CELLS = {
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng()
    positives = np.asarray(positives)
    vocab_size = len(probs)
    negatives = rng.choice(vocab_size, size=(len(positives), k), p=probs)
    clash = negatives == positives[:, None]
    while clash.any():
        negatives[clash] = rng.choice(vocab_size, size=int(clash.sum()), p=probs)
        clash = negatives == positives[:, None]
    return negatives.astype(np.int64)
"""
}
EXPECT_FAILED = {"sample_negatives.hidden", "sample_negatives.law", "sample_negatives.spread"}
