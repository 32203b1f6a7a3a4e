"""log_perplexity goes through probabilities and back (np.log(np.exp(...))): exp(-800) is 0 and log 0 is -inf."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    probs = np.exp(log_probs)
    picked = np.take_along_axis(probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    counts = mask.sum(axis=1)
    nll = -np.where(mask, np.log(picked), 0.0).sum(axis=1)
    keep = counts > 0
    if not keep.any():
        return float("nan")
    return float(np.mean(nll[keep] / counts[keep]))
"""
}
EXPECT_FAILED = {"log_perplexity.long_sequence", "log_perplexity.no_warning"}
MESSAGE = "underflows"
