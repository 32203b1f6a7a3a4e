"""analogy adds the raw vectors, t = b - a + c, where the release scales each to length 1 first (the
classic 3CosAdd on vectors that are not unit length)."""

CELLS = {
    "analogy": """def analogy(vectors, words, a, b, c, k):
    for w in (a, b, c):
        if w not in words:
            raise KeyError(w)
    ia, ib, ic = words.index(a), words.index(b), words.index(c)
    target = vectors[ib] - vectors[ia] + vectors[ic]
    sims = cosine_similarity(target[None, :], vectors)[0]
    order = sorted((i for i in range(len(words)) if i not in (ia, ib, ic)), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {"analogy.all", "analogy.scoring", "analogy.values"}
