"""log_perplexity guards the division with max(count, 1): an all-padding sequence counts as a 0 in the mean."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    nll = -np.where(mask, picked, 0.0).sum(axis=1)
    return float(np.mean(nll / np.maximum(mask.sum(axis=1), 1)))
"""
}
EXPECT_FAILED = {
    "log_perplexity.all_padding_sequence",
    "log_perplexity.all_padding_batch",
    "log_perplexity.sequence_order",
}
MESSAGE = "values differ"
