"""skipgram_pairs stops one short on the right: range(i - window, i + window) leaves out the context at distance +window."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window)):
                if j != i:
                    pairs.append((sentence[i], sentence[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
"""
}
EXPECT_FAILED = {
    "skipgram_pairs.values",
    "skipgram_pairs.hidden",
    "skipgram_pairs.window_one",
    "skipgram_pairs.unchanged",
}
