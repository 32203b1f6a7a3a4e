"""nearest_neighbours picks the k best with np.argpartition, which raises ValueError when k is not
smaller than the number of words, instead of returning all the other words."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    q = words.index(query)
    sims = cosine_similarity(vectors[q:q + 1], vectors)[0]
    sims[q] = -np.inf
    top = np.argpartition(-sims, k)[:k]
    order = sorted(top, key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order]
"""
}
EXPECT_FAILED = {"nearest_neighbours.all"}
