"""training_examples puts the negatives first and the positive last in each group."""

CELLS = {
    "training_examples": """def training_examples(pairs, negatives):
    n, k = negatives.shape
    centres = np.repeat(pairs[:, 0], k + 1)
    contexts = np.concatenate([negatives, pairs[:, 1:2]], axis=1).reshape(-1)
    labels = np.tile(np.r_[np.zeros(k), 1.0], n).astype(np.float32)
    return centres, contexts, labels
"""
}
EXPECT_FAILED = {"training_examples.values", "training_examples.hidden", "training_examples.unchanged"}
