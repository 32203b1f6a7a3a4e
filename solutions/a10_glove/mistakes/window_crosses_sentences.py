"""Joins the sentences into one stream of ids, so windows run across the sentences' edges."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    stream = [w for sentence in id_sentences for w in sentence]
    X = np.zeros((vocab_size, vocab_size))
    n = len(stream)
    for t in range(n):
        for s in range(max(0, t - window), min(n, t + window + 1)):
            if s != t:
                X[stream[t], stream[s]] += 1.0 / abs(t - s)
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
