"""nearest_neighbours ranks the words by their dot product with the query, not by cosine: long vectors
come first."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        raise KeyError(query)
    q = words.index(query)
    sims = vectors @ vectors[q]
    order = sorted((i for i in range(len(words)) if i != q), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {
    "nearest_neighbours.all",
    "nearest_neighbours.hidden",
    "nearest_neighbours.ties",
    "nearest_neighbours.values",
}
