"""log_perplexity takes the final mean with keepdims=True: it returns a 1-element array, not a float."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    log_probs = np.asarray(log_probs, dtype=np.float64)
    targets = np.asarray(targets)
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    counts = mask.sum(axis=1)
    nll = -np.where(mask, picked, 0.0).sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return np.mean(nll[keep] / counts[keep], keepdims=True)
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
    "log_perplexity.values",
}
