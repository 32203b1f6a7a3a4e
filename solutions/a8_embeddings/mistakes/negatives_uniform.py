"""sample_negatives draws negatives uniformly (ignores probs), redrawing those equal to the positive."""

CELLS = {
    "sample_negatives": """def sample_negatives(positives, probs, k, seed):
    rng = np.random.default_rng(seed)
    out = rng.integers(1, len(probs), size=(len(positives), k))
    clash = out == np.asarray(positives)[:, None]
    while clash.any():
        out[clash] = rng.integers(1, len(probs), size=int(clash.sum()))
        clash = out == np.asarray(positives)[:, None]
    return out.astype(np.int64)
"""
}
EXPECT_FAILED = {
    "sample_negatives.law",
    "sample_negatives.hidden",
    "sample_negatives.spread",
    "sample_negatives.unchanged",
}
