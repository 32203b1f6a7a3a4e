"""multiplicative_scores uses the dot score (W left out): wrong with a general W, and it fails when d_q != d_k."""

CELLS = {
    "multiplicative_scores": """def multiplicative_scores(query, keys, W):
    return np.einsum("bd,bsd->bs", query, keys)
"""
}
EXPECT_FAILED = {
    "multiplicative_scores.values",
    "multiplicative_scores.hidden",
    "multiplicative_scores.square",
    "multiplicative_scores.unchanged",
}
