"""masked_softmax normalises over the batch (axis 0) instead of the source positions."""

CELLS = {
    "masked_softmax": """def masked_softmax(scores, mask):
    shifted = np.where(mask > 0, scores, -np.inf)
    e = np.exp(shifted - shifted.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
"""
}
EXPECT_FAILED = {
    "attention_backward.numeric",
    "attention_backward.numeric_hidden",
    "masked_softmax.hidden",
    "masked_softmax.holes",
    "masked_softmax.large_scores",
    "masked_softmax.padding_invariant",
    "masked_softmax.unchanged",
    "masked_softmax.values",
    "masked_softmax.zero_pad_scores",
}
