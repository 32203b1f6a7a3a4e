"""train_bigram adds the start and end symbols with insert/append on the caller's lists: the corpus changes."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        seq.insert(0, START_ID)
        seq.append(END_ID)
        for a, b in zip(seq[:-1], seq[1:]):
            counts[a, b] += 1
    probs = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * (vocab_size - 2))
    probs[:, [PAD_ID, START_ID]] = 0.0
    return probs
"""
}
EXPECT_FAILED = {"train_bigram.array_sequences", "train_bigram.unchanged"}
