"""masked_softmax masks with 0 instead of -inf: scores * mask leaves padded positions a score of 0, which still gets weight."""

CELLS = {
    "masked_softmax": """def masked_softmax(scores, mask):
    masked = scores * mask
    e = np.exp(masked - masked.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
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
