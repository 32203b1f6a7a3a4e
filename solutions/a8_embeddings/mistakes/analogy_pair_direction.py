"""analogy ranks w by cos(b - a, w - c), the pair-direction scoring, where the release ranks by the
cosine of w with t = b/|b| - a/|a| + c/|c|."""

CELLS = {
    "analogy": """def analogy(vectors, words, a, b, c, k):
    for w in (a, b, c):
        if w not in words:
            raise KeyError(w)
    ia, ib, ic = words.index(a), words.index(b), words.index(c)
    offset = vectors[ib] - vectors[ia]
    sims = cosine_similarity(offset[None, :], vectors - vectors[ic])[0]
    order = sorted((i for i in range(len(words)) if i not in (ia, ib, ic)), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {
    "analogy.all",
    "analogy.hidden",
    "analogy.scoring",
    "analogy.ties",
    "analogy.values",
}
