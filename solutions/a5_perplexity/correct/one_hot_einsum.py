"""One-hot targets and np.einsum instead of take_along_axis; weights instead of a boolean selection of sequences."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    V = log_probs.shape[-1]
    one_hot = np.eye(V)[targets]                              # (m, T, V)
    picked = np.einsum("mtv,mtv->mt", log_probs, one_hot)
    real = (targets != pad_id).astype(np.float64)
    counts = real.sum(axis=1)
    if not counts.any():
        return float("nan")
    per_sequence = -np.einsum("mt,mt->m", picked, real) / np.maximum(counts, 1.0)
    has_tokens = (counts > 0).astype(np.float64)
    return float(per_sequence @ has_tokens / has_tokens.sum())
""",
    "perplexity": """def perplexity(log_probs, targets, pad_id=0):
    value = log_perplexity(log_probs, targets, pad_id)
    return float(np.exp(value))
""",
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    nll, tokens = 0.0, 0.0
    for log_probs, targets in batches:
        one_hot = np.eye(log_probs.shape[-1])[targets]
        real = (targets != pad_id).astype(np.float64)
        nll -= np.einsum("mtv,mtv,mt->", log_probs, one_hot, real)
        tokens += real.sum()
    return float(nll / tokens) if tokens else float("nan")
""",
    "bigram_log_prob": """def bigram_log_prob(probs, sequence):
    V = probs.shape[0]
    path = [START_ID, *[int(s) for s in sequence], END_ID]
    transitions = np.zeros((V, V))
    np.add.at(transitions, (path[:-1], path[1:]), 1.0)
    used = transitions > 0
    return float(np.sum(transitions[used] * np.log(probs[used])))
""",
}
