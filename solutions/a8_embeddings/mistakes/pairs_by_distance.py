"""skipgram_pairs lists each centre's contexts by distance (i - 1, i + 1, i - 2, i + 2, ...) instead of
by increasing position j (the same pairs in another order; window 1 gives the same order)."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for d in range(1, window + 1):
                for j in (i - d, i + d):
                    if 0 <= j < n:
                        pairs.append((sentence[i], sentence[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
"""
}
EXPECT_FAILED = {"skipgram_pairs.hidden", "skipgram_pairs.values"}
