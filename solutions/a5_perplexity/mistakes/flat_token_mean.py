"""log_perplexity takes one flat mean over all real tokens of the batch instead of a mean per sequence."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    if not mask.any():
        return float("nan")
    return float(-picked[mask].mean())
"""
}
EXPECT_FAILED = {
    "log_perplexity.all_padding_sequence",
    "log_perplexity.hidden",
    "log_perplexity.long_sequence",
    "log_perplexity.pad_id",
    "log_perplexity.padding_invariance",
    "log_perplexity.sequence_order",
    "log_perplexity.shift_by_constant",
    "log_perplexity.unchanged",
    "log_perplexity.values",
    "perplexity.hidden",
    "perplexity.pad_id",
    "perplexity.unchanged",
    "perplexity.values",
}
MESSAGE = "values differ"
