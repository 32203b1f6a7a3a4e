"""log_perplexity takes the log of a product of probabilities: the product of 1500 of them underflows to 0."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    counts = mask.sum(axis=1)
    nll = -np.log(np.prod(np.where(mask, np.exp(picked), 1.0), axis=1))
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return float(np.mean(nll[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {"log_perplexity.long_sequence", "log_perplexity.no_warning"}
MESSAGE = "underflows"
