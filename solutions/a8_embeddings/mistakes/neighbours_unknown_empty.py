"""nearest_neighbours returns an empty list for an unknown word instead of raising KeyError."""

CELLS = {
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in words:
        return []
    q = words.index(query)
    sims = cosine_similarity(vectors[q:q + 1], vectors)[0]
    order = sorted((i for i in range(len(words)) if i != q), key=lambda i: (-sims[i], words[i]))
    return [words[i] for i in order[:k]]
"""
}
EXPECT_FAILED = {"nearest_neighbours.unknown"}
