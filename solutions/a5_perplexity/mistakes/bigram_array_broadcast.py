"""train_bigram frames a sequence with [START_ID] + seq and seq + [END_ID] without making it a list
first: on a 1-D array, + adds elementwise (broadcasts) instead of concatenating."""

CELLS = {
    "train_bigram": """def train_bigram(sequences, vocab_size, k=1.0):
    counts = np.zeros((vocab_size, vocab_size))
    for seq in sequences:
        prev = np.array([START_ID] + seq)
        nxt = np.array(seq + [END_ID])
        np.add.at(counts, (prev, nxt), 1.0)
    possible = np.ones(vocab_size, dtype=bool)
    possible[[PAD_ID, START_ID]] = False
    probs = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * possible.sum())
    probs[:, ~possible] = 0.0
    return probs
"""
}
EXPECT_FAILED = {"train_bigram.array_sequences"}
