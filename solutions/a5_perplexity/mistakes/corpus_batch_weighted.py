"""corpus_log_perplexity averages the batches' token means: every batch weighs the same, whatever its size."""

CELLS = {
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    means = []
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        mask = targets != pad_id
        if mask.any():
            means.append(-picked[mask].mean())
    return float(np.mean(means)) if means else float("nan")
"""
}
EXPECT_FAILED = {
    "corpus_log_perplexity.long_sequence",
    "corpus_log_perplexity.pad_id",
    "corpus_log_perplexity.padding_batches",
    "corpus_log_perplexity.token_weighted",
    "corpus_log_perplexity.unchanged",
    "corpus_log_perplexity.values",
}
MESSAGE = "values differ"
