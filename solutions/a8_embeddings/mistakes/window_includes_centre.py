"""skipgram_pairs pairs each word with itself too (the centre is kept in its own window)."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window):
    pairs = []
    for sentence in sentences:
        for i in range(len(sentence)):
            for j in range(max(0, i - window), min(len(sentence), i + window + 1)):
                pairs.append((sentence[i], sentence[j]))
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
