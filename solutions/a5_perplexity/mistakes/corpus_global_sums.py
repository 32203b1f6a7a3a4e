"""corpus_log_perplexity keeps its running sums in module-level variables that are never reset:
a second call goes on from the first call's totals."""

CELLS = {
    "corpus_log_perplexity": """_running = {"total": 0.0, "count": 0}


def corpus_log_perplexity(batches, pad_id=0):
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
        mask = targets != pad_id
        _running["total"] -= float(np.sum(picked[mask]))
        _running["count"] += int(mask.sum())
    if not _running["count"]:
        return float("nan")
    return _running["total"] / _running["count"]
"""
}
EXPECT_FAILED = {
    "corpus_log_perplexity.long_sequence",
    "corpus_log_perplexity.pad_id",
    "corpus_log_perplexity.padding_batches",
    "corpus_log_perplexity.repeatable",
    "corpus_log_perplexity.streaming",
}
