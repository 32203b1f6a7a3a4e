"""train_bigram always adds one (Laplace smoothing) whatever its k argument."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        seq = [int(s) for s in seq]
        np.add.at(counts, (np.array([START_ID] + seq), np.array(seq + [END_ID])), 1.0)
    possible = np.ones(vocab_size, dtype=bool)
    possible[[PAD_ID, START_ID]] = False
    probs = (counts + 1.0) / (counts.sum(axis=1, keepdims=True) + 1.0 * possible.sum())
    probs[:, ~possible] = 0.0
    return probs
"""
}
EXPECT_FAILED = {
    "train_bigram.array_sequences",
    "train_bigram.start_end",
    "train_bigram.values",
}
