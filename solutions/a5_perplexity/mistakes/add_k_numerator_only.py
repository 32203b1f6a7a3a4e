"""train_bigram adds k to the counts but not k * (V - 2) to the denominator: rows no longer sum to 1."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        seq = [START_ID] + [int(s) for s in seq] + [END_ID]
        for a, b in zip(seq[:-1], seq[1:]):
            counts[a, b] += 1
    totals = counts.sum(axis=1, keepdims=True)
    probs = (counts + k) / np.where(totals > 0, totals, 1.0)
    probs[:, [PAD_ID, START_ID]] = 0.0
    return probs
"""
}
EXPECT_FAILED = {
    "train_bigram.array_sequences",
    "train_bigram.hidden",
    "train_bigram.normalised",
    "train_bigram.start_end",
    "train_bigram.unchanged",
    "train_bigram.values",
}
MESSAGE = "values differ"
