"""masked_softmax ignores the mask: padded positions get attention."""
CELLS = {"masked_softmax": '''def masked_softmax(scores, mask):
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
'''}
EXPECT_FAILED = {"masked_softmax.values", "masked_softmax.hidden", "masked_softmax.large_scores", "masked_softmax.holes",
                 "masked_softmax.zero_pad_scores", "masked_softmax.padding_invariant", "masked_softmax.unchanged"}
