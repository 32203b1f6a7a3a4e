"""sample_negatives draws from probs but never redraws a negative equal to its row's positive."""

CELLS = {
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    return rng.choice(len(probs), size=(len(positives), k), p=probs).astype(np.int64)
"""
}
EXPECT_FAILED = {
    "sample_negatives.law",
    "sample_negatives.hidden",
    "sample_negatives.spread",
    "sample_negatives.unchanged",
    "sample_negatives.crowded",
}
MESSAGE = "equal to its row's positive"
