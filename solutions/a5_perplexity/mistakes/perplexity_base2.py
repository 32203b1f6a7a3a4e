"""perplexity uses 2 ** log_perplexity although the log-probabilities are natural logs."""

CELLS = {
    "perplexity": """def perplexity(log_probs, targets, pad_id=0):
    return float(2 ** log_perplexity(log_probs, targets, pad_id))
"""
}
EXPECT_FAILED = {
    "perplexity.hidden",
    "perplexity.pad_id",
    "perplexity.unchanged",
    "perplexity.uniform",
    "perplexity.values",
}
MESSAGE = "values differ"
