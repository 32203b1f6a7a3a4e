"""skipgram_pairs collects its pairs in a mutable default list, so every call continues the pairs of
the calls before it: the first call is right, a second one on the same arguments is not (contract:
repeatable; the checks that run after another call fail too)."""

CELLS = {
    "skipgram_pairs": """def skipgram_pairs(sentences, window, pairs=[]):
    for sentence in sentences:
        n = len(sentence)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if j != i:
                    pairs.append((sentence[i], sentence[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
"""
}
EXPECT_FAILED = {"skipgram_pairs.no_pairs", "skipgram_pairs.repeatable", "skipgram_pairs.window_one"}
