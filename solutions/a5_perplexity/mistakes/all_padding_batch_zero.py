"""log_perplexity returns 0.0 instead of nan when no sequence of the batch has a real token."""

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
        return 0.0
    return float(np.mean(nll[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {"log_perplexity.all_padding_batch"}
