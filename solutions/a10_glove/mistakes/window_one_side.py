"""Counts only the words after each position (s > t), not both sides: X is not symmetric and half the pairs are missing."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size))
    for sentence in id_sentences:
        for t in range(len(sentence)):
            for s in range(t + 1, min(len(sentence), t + window + 1)):
                X[sentence[t], sentence[s]] += 1.0 / (s - t)
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
    "cooccurrence.window_one",
}
MESSAGE = "values differ"
