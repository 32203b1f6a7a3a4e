"""multiplicative_scores applies W from the key's side (keys @ W): it runs only when d_q == d_k and then computes q W^T k."""

CELLS = {
    "multiplicative_scores": """def multiplicative_scores(query, keys, W):
    return np.einsum("bsd,bd->bs", keys @ W, query)
"""
}
EXPECT_FAILED = {
    "multiplicative_scores.values",
    "multiplicative_scores.hidden",
    "multiplicative_scores.square",
    "multiplicative_scores.unchanged",
}
