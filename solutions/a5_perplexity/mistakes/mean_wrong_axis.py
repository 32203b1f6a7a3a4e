"""log_perplexity averages each TIME STEP over the sequences (axis 0), then over time."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    per_step = -np.where(mask, picked, 0.0).sum(axis=0) / np.maximum(mask.sum(axis=0), 1)
    return float(np.mean(per_step[mask.sum(axis=0) > 0])) if mask.any() else float("nan")
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
