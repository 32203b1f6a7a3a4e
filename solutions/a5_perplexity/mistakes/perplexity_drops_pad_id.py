"""perplexity calls log_perplexity without its pad_id: the default 0 is used whatever the caller passed."""

CELLS = {
    "perplexity": """def perplexity(log_probs, targets, pad_id=0):
    return float(np.exp(log_perplexity(log_probs, targets)))
"""
}
EXPECT_FAILED = {"perplexity.pad_id"}
