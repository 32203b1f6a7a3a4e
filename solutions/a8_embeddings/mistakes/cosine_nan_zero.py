"""cosine_similarity divides each row by its length as it is: a zero row gives nan, not cosine 0."""

CELLS = {
    "cosine_similarity": """def cosine_similarity(A, B):
    A_unit = A / np.linalg.norm(A, axis=1, keepdims=True)
    B_unit = B / np.linalg.norm(B, axis=1, keepdims=True)
    return A_unit @ B_unit.T
"""
}
EXPECT_FAILED = {"cosine_similarity.hidden"}
