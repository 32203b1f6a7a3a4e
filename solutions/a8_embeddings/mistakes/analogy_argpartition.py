"""analogy picks the k best with np.argpartition, which raises ValueError when k is not smaller than
the number of words, instead of returning all the words left."""

CELLS = {
    "analogy": """def analogy(vectors, words, a, b, c, k):
    for w in (a, b, c):
        if w not in words:
            raise KeyError(w)
    unit = cosine_similarity(vectors, np.eye(vectors.shape[1]))
    ia, ib, ic = words.index(a), words.index(b), words.index(c)
    target = unit[ib] - unit[ia] + unit[ic]
    sims = cosine_similarity(target[None, :], vectors)[0]
    sims[[ia, ib, ic]] = -np.inf
    top = np.argpartition(-sims, k)[:k]
    order = sorted(top, key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order]
"""
}
EXPECT_FAILED = {"analogy.all"}
