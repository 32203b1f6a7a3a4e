"""log_perplexity squeezes the picked log-probabilities: a batch of one sequence of one token loses its axes."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.squeeze(np.take_along_axis(log_probs, targets[..., None], axis=-1))
    mask = targets != pad_id
    picked[~mask] = 0.0
    counts = mask.sum(axis=1)
    nll = -picked.sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return float(np.mean(nll[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {"log_perplexity.single"}
