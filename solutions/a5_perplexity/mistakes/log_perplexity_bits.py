"""log_perplexity is converted to bits (divided by ln 2) but perplexity still takes exp: the log bases are mixed."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    counts = mask.sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    nll = -np.where(mask, picked, 0.0).sum(axis=1)
    return float(np.mean(nll[keep] / counts[keep]) / np.log(2))
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
    "log_perplexity.single",
    "log_perplexity.unchanged",
    "log_perplexity.values",
    "perplexity.hidden",
    "perplexity.pad_id",
    "perplexity.unchanged",
    "perplexity.uniform",
    "perplexity.values",
}
MESSAGE = "values differ"
