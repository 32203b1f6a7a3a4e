"""Adds into a matrix kept between calls (a mutable default): a second call counts the first call's pairs again."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window, _tables={}):
    X = _tables.setdefault((vocab_size, window), np.zeros((vocab_size, vocab_size)))
    for sentence in id_sentences:
        n = len(sentence)
        for t in range(n):
            for s in range(max(0, t - window), min(n, t + window + 1)):
                if s != t:
                    X[sentence[t], sentence[s]] += 1.0 / abs(t - s)
    return X.copy()
""",
}
EXPECT_FAILED = {"cooccurrence.repeatable"}
