"""log_perplexity divides by every sequence's count: one all-padding sequence turns the whole batch into nan."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    mask = targets != pad_id
    nll = -np.where(mask, picked, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.mean(nll / mask.sum(axis=1)))
"""
}
EXPECT_FAILED = {"log_perplexity.all_padding_sequence", "log_perplexity.sequence_order"}
MESSAGE = "received nan"
