"""skipgram_pairs returns int32 pairs, where the docstring says int64 (contract: dtype)."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if j != i:
                    pairs.append((sentence[i], sentence[j]))
    return np.array(pairs, dtype=np.int32).reshape(-1, 2)
"""
}
EXPECT_FAILED = {"skipgram_pairs.dtype"}
