"""train_bigram smooths all V columns (k * V in the denominator) and never zeroes PAD and START:
rows still sum to 1, but PAD and START get probability k / (C(a) + k V)."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        seq = [int(s) for s in seq]
        np.add.at(counts, (np.array([START_ID] + seq), np.array(seq + [END_ID])), 1.0)
    return (counts + k) / (counts.sum(axis=1, keepdims=True) + k * vocab_size)
"""
}
EXPECT_FAILED = {
    "train_bigram.array_sequences",
    "train_bigram.hidden",
    "train_bigram.normalised",
    "train_bigram.start_end",
    "train_bigram.values",
}
