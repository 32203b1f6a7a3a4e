"""log_perplexity zeroes the padded positions of the caller's log_probs in place (right value, input changed)."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    mask = targets != pad_id
    log_probs *= mask[..., None]
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    counts = mask.sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return float(np.mean(-picked.sum(axis=1)[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {"log_perplexity.unchanged", "perplexity.unchanged"}
