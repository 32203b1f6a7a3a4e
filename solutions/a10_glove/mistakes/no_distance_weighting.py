"""Adds 1 for every pair in the window instead of 1 / distance."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size))
    for sentence in id_sentences:
        n = len(sentence)
        for t in range(n):
            for s in range(max(0, t - window), min(n, t + window + 1)):
                if s != t:
                    X[sentence[t], sentence[s]] += 1.0
    return X
""",
}
EXPECT_FAILED = {
    "cooccurrence.empty",
    "cooccurrence.hidden",
    "cooccurrence.long_window",
    "cooccurrence.repeats",
    "cooccurrence.unused_ids",
    "cooccurrence.values",
}
