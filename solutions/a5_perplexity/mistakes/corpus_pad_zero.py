"""corpus_log_perplexity hard-codes the pad id 0 instead of using its pad_id argument."""

CELLS = {
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    total, count = 0.0, 0
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        mask = targets != 0
        total -= float(np.sum(picked[mask]))
        count += int(mask.sum())
    return total / count if count else float("nan")
"""
}
EXPECT_FAILED = {"corpus_log_perplexity.pad_id"}
