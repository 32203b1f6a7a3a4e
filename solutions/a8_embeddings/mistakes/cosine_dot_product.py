"""cosine_similarity returns the dot product, not the cosine: long vectors win every ranking."""

CELLS = {
    "cosine_similarity": """def cosine_similarity(A, B):
    return A @ B.T
"""
}
EXPECT_FAILED = {
    "analogy.all",
    "analogy.hidden",
    "analogy.scoring",
    "analogy.ties",
    "analogy.unchanged",
    "analogy.values",
    "cosine_similarity.hidden",
    "cosine_similarity.square",
    "cosine_similarity.unchanged",
    "cosine_similarity.values",
    "nearest_neighbours.all",
    "nearest_neighbours.hidden",
    "nearest_neighbours.ties",
    "nearest_neighbours.unchanged",
    "nearest_neighbours.values",
}
