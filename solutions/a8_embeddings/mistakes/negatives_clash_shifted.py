"""sample_negatives replaces a negative equal to its row's positive by the next id instead of drawing
it again: never the positive, but the next id gets the positive's share."""

CELLS = {
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    positives = np.asarray(positives)
    vocab_size = len(probs)
    negatives = rng.choice(vocab_size, size=(len(positives), k), p=probs)
    clash = negatives == positives[:, None]
    negatives[clash] = (negatives[clash] + 1) % vocab_size
    return negatives.astype(np.int64)
"""
}
EXPECT_FAILED = {"sample_negatives.hidden", "sample_negatives.law", "sample_negatives.spread"}
