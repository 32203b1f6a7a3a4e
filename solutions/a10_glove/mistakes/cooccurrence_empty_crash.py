"""Turns each sentence into np.array(sentence) and indexes X with it: an empty sentence gives a float array, and indexing fails."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size))
    for sentence in id_sentences:
        ids = np.array(sentence)
        for d in range(1, window + 1):
            np.add.at(X, (ids[:-d], ids[d:]), 1.0 / d)
            np.add.at(X, (ids[d:], ids[:-d]), 1.0 / d)
    return X
""",
}
EXPECT_FAILED = {"cooccurrence.empty", "cooccurrence.no_pairs"}
