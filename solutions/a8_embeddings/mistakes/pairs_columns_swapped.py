"""skipgram_pairs puts the context in column 0 and the centre in column 1."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if j != i:
                    pairs.append((sentence[j], sentence[i]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
"""
}
EXPECT_FAILED = {"skipgram_pairs.hidden", "skipgram_pairs.values", "skipgram_pairs.window_one"}
