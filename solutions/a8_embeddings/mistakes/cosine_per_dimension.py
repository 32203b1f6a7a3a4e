"""cosine_similarity unit-normalises each dimension (axis=0) instead of each vector."""

CELLS = {
    "cosine_similarity": """def cosine_similarity(A, B):
    A_unit = A / np.linalg.norm(A, axis=0, keepdims=True)
    B_unit = B / np.linalg.norm(B, axis=0, keepdims=True)
    return A_unit @ B_unit.T
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
