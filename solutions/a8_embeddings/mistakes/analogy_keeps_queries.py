"""analogy ranks every word, the three query words included."""

CELLS = {
    "analogy": """def analogy(vectors, words, a, b, c, k):
    for w in (a, b, c):
        if w not in words:
            raise KeyError(w)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    target = unit[words.index(b)] - unit[words.index(a)] + unit[words.index(c)]
    sims = cosine_similarity(target[None, :], vectors)[0]
    order = sorted(range(len(words)), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {
    "analogy.all",
    "analogy.hidden",
    "analogy.scoring",
    "analogy.ties",
    "analogy.unchanged",
    "analogy.values",
}
