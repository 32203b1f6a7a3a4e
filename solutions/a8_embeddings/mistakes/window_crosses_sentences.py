"""skipgram_pairs joins all sentences into one stream, so windows cross the sentences' edges."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    stream = [w for sentence in sentences for w in sentence]
    pairs = []
    for i in range(len(stream)):
        for j in range(max(0, i - window), min(len(stream), i + window + 1)):
            if j != i:
                pairs.append((stream[i], stream[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
"""
}
EXPECT_FAILED = {
    "skipgram_pairs.values",
    "skipgram_pairs.hidden",
    "skipgram_pairs.window_one",
    "skipgram_pairs.no_pairs",
    "skipgram_pairs.unchanged",
}
