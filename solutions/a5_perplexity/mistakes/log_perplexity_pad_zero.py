"""log_perplexity hard-codes the pad id 0 in its mask instead of using its pad_id argument."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    log_probs = np.asarray(log_probs, dtype=np.float64)
    targets = np.asarray(targets)
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != 0
    counts = mask.sum(axis=1)
    nll = -np.where(mask, picked, 0.0).sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return float(np.mean(nll[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {
    "log_perplexity.pad_id",
    "perplexity.pad_id",
}
