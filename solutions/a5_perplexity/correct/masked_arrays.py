"""numpy masked arrays (np.ma) for the padding, np.bincount for the bigram counts, np.log1p-free sums."""

CELLS = {
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(np.asarray(log_probs), np.asarray(targets)[:, :, None], axis=2)[:, :, 0]
    nll = np.ma.masked_array(-picked, mask=np.asarray(targets) == pad_id)
    per_sequence = nll.mean(axis=1)          # masked where a sequence has no real token
    result = per_sequence.mean()
    return float("nan") if result is np.ma.masked else float(result)
""",
    "corpus_log_perplexity": """def corpus_log_perplexity(batches, pad_id=0):
    sums = []
    counts = []
    for log_probs, targets in batches:
        picked = np.take_along_axis(log_probs, targets[:, :, None], axis=2)[:, :, 0]
        nll = np.ma.masked_array(-picked, mask=targets == pad_id)
        sums.append(float(nll.sum()) if nll.count() else 0.0)
        counts.append(int(nll.count()))
    return float(np.sum(sums) / np.sum(counts)) if np.sum(counts) else float("nan")
""",
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    prev = np.concatenate([[START_ID, *seq] for seq in sequences]).astype(np.int64)
    nxt = np.concatenate([[*seq, END_ID] for seq in sequences]).astype(np.int64)
    counts = np.bincount(prev * vocab_size + nxt, minlength=vocab_size * vocab_size).reshape(vocab_size, vocab_size)
    counts = counts.astype(np.float64)
    counts[:, [PAD_ID, START_ID]] = np.nan           # impossible next symbols
    smoothed = counts + k
    probs = smoothed / np.nansum(smoothed, axis=1, keepdims=True)
    return np.nan_to_num(probs, nan=0.0)
""",
    "bigram_log_prob": """def bigram_log_prob(probs, sequence):
    path = np.concatenate([[START_ID], np.asarray(sequence, dtype=np.int64), [END_ID]]).astype(np.int64)
    return float(np.log(probs[path[:-1], path[1:]]).sum())
""",
    "bigram_perplexity": """def bigram_perplexity(probs, sequences):
    log_probs = np.array([bigram_log_prob(probs, s) for s in sequences])
    lengths = np.array([len(s) + 1 for s in sequences])
    return float(np.exp(-log_probs.sum() / lengths.sum()))
""",
}
