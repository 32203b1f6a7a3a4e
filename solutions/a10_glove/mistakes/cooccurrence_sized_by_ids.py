"""Sizes X by the largest id seen, not by vocab_size."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    size = max(max(s) for s in id_sentences if s) + 1
    X = np.zeros((size, size))
    for sentence in id_sentences:
        n = len(sentence)
        for t in range(n):
            for s in range(max(0, t - window), min(n, t + window + 1)):
                if s != t:
                    X[sentence[t], sentence[s]] += 1.0 / abs(t - s)
    return X
""",
}
EXPECT_FAILED = {"cooccurrence.no_pairs", "cooccurrence.unused_ids"}
