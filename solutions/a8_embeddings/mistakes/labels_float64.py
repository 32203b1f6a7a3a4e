"""training_examples returns float64 labels where the docstring says float32."""

CELLS = {
    "training_examples": """def training_examples(pairs, negatives):
    n, k = negatives.shape
    centres = np.repeat(pairs[:, 0], k + 1)
    contexts = np.concatenate([pairs[:, 1:2], negatives], axis=1).reshape(-1)
    labels = np.tile(np.r_[1.0, np.zeros(k)], n)
    return centres.astype(np.int64), contexts.astype(np.int64), labels
"""
}
EXPECT_FAILED = {"training_examples.dtype"}
