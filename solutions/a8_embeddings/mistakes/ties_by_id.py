"""nearest_neighbours breaks ties by id (a stable sort on the cosine alone), not alphabetically as the docstring says."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    q = words.index(query)
    sims = cosine_similarity(vectors[q:q + 1], vectors)[0]
    order = [i for i in np.argsort(-sims, kind="stable") if i != q]
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {"nearest_neighbours.ties"}
