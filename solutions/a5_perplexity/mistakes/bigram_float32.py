"""train_bigram counts in a float32 array: the probabilities come back float32, not float64."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size), dtype=np.float32)
    for seq in sequences:
        seq = [int(s) for s in seq]
        np.add.at(counts, (np.array([START_ID] + seq), np.array(seq + [END_ID])), 1.0)
    probs = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * (vocab_size - 2))
    probs[:, [PAD_ID, START_ID]] = 0.0
    return probs
"""
}
EXPECT_FAILED = {
    "train_bigram.array_sequences",
    "train_bigram.hidden",
    "train_bigram.start_end",
    "train_bigram.values",
}
