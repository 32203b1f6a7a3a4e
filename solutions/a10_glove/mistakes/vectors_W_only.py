"""Returns a copy of W alone, not W + W_tilde."""

CELLS = {
    "glove_vectors": """def glove_vectors(params):
    return params["W"].copy()
""",
}
EXPECT_FAILED = {"glove_vectors.hidden", "glove_vectors.values"}
