"""corpus_log_perplexity turns batches into a list before reducing it: read once and the right value,
but every batch's predictions are held until the end."""

CELLS = {
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    batches = list(batches)
    total, count = 0.0, 0
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        mask = targets != pad_id
        total -= float(np.sum(picked[mask]))
        count += int(mask.sum())
    return total / count if count else float("nan")
"""
}
EXPECT_FAILED = {"corpus_log_perplexity.streaming"}
