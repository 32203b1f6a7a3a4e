"""sample_negatives draws a negative equal to its row's positive again only once: a second draw can be
the positive again."""

CELLS = {
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    positives = np.asarray(positives)
    vocab_size = len(probs)
    negatives = rng.choice(vocab_size, size=(len(positives), k), p=probs)
    clash = negatives == positives[:, None]
    negatives[clash] = rng.choice(vocab_size, size=int(clash.sum()), p=probs)
    return negatives.astype(np.int64)
"""
}
EXPECT_FAILED = {
    "sample_negatives.crowded",
    "sample_negatives.hidden",
    "sample_negatives.law",
    "sample_negatives.spread",
}
