"""Counts distances strictly below the window (|t - s| < window): the farthest words are missed."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size))
    for sentence in id_sentences:
        n = len(sentence)
        for t in range(n):
            for s in range(n):
                if 0 < abs(t - s) < window:
                    X[sentence[t], sentence[s]] += 1.0 / abs(t - s)
    return X
""",
}
EXPECT_FAILED = {
    "cooccurrence.empty",
    "cooccurrence.hidden",
    "cooccurrence.repeats",
    "cooccurrence.unused_ids",
    "cooccurrence.values",
    "cooccurrence.window_one",
}
