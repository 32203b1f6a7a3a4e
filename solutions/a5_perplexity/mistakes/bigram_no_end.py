"""train_bigram forgets the end symbol: the transition c_n -> END is never counted."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        seq = [START_ID] + [int(s) for s in seq]
        for a, b in zip(seq[:-1], seq[1:]):
            counts[a, b] += 1
    probs = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * (vocab_size - 2))
    probs[:, [PAD_ID, START_ID]] = 0.0
    return probs
"""
}
EXPECT_FAILED = {
    "train_bigram.array_sequences",
    "train_bigram.hidden",
    "train_bigram.start_end",
    "train_bigram.unchanged",
    "train_bigram.values",
}
MESSAGE = "values differ"
