"""masked_softmax works in the scores array it is given (writes -inf, exponentiates and divides in
place) and returns it: right values, but the caller's scores are gone and the result is the
argument (contract: unchanged and own_result)."""

CELLS = {
    "masked_softmax": """def masked_softmax(scores, mask):
    real = mask > 0
    scores[~real] = -np.inf
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores
"""
}
EXPECT_FAILED = {"masked_softmax.own_result", "masked_softmax.unchanged"}
