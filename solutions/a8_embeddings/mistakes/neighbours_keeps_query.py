"""nearest_neighbours ranks every word, the query included (it comes first, with cosine 1)."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    q = words.index(query)
    sims = cosine_similarity(vectors[q:q + 1], vectors)[0]
    order = sorted(range(len(words)), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {
    "nearest_neighbours.all",
    "nearest_neighbours.hidden",
    "nearest_neighbours.ties",
    "nearest_neighbours.values",
}
