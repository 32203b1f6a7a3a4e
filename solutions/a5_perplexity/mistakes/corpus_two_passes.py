"""corpus_log_perplexity reads batches twice (a first pass counts the real tokens, a second sums the
log-probabilities): a generator is empty the second time, so the total stays 0."""

CELLS = {
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    count = sum(int(np.sum(np.asarray(targets) != pad_id)) for _, targets in batches)
    total = 0.0
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        total -= float(np.sum(picked[targets != pad_id]))
    return total / count if count else float("nan")
"""
}
EXPECT_FAILED = {
    "corpus_log_perplexity.long_sequence",
    "corpus_log_perplexity.pad_id",
    "corpus_log_perplexity.padding_batches",
    "corpus_log_perplexity.token_weighted",
    "corpus_log_perplexity.values",
}
