"""skipgram_pairs returns np.array(pairs) as it is: right when there are pairs, but shape (0,) instead
of (0, 2) when there is none."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if j != i:
                    pairs.append((sentence[i], sentence[j]))
    return np.array(pairs, dtype=np.int64)
"""
}
EXPECT_FAILED = {"skipgram_pairs.no_pairs"}
