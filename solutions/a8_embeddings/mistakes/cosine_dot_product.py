"""cosine_similarity returns the dot product, not the cosine: long vectors win every ranking."""

CELLS = {
    "cosine_similarity": """def cosine_similarity(A, B):
    return A @ B.T
"""
}
EXPECT_FAILED = {
    "cosine_similarity.values",
    "cosine_similarity.hidden",
    "cosine_similarity.square",
    "cosine_similarity.unchanged",
    "nearest_neighbours.values",
    "nearest_neighbours.hidden",
    "nearest_neighbours.unchanged",
    "nearest_neighbours.ties",
    "nearest_neighbours.all",
    "analogy.values",
    "analogy.hidden",
    "analogy.unchanged",
    "analogy.ties",
}
