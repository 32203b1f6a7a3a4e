"""additive_scores leaves out the tanh: the score is linear in the query and the key."""

CELLS = {
    "additive_scores": """def additive_scores(query, keys, W_q, W_k, v):
    return ((query @ W_q)[:, None, :] + keys @ W_k) @ v
"""
}
EXPECT_FAILED = {
    "additive_scores.values",
    "additive_scores.hidden",
    "additive_scores.one_position",
    "additive_scores.large",
    "additive_scores.unchanged",
}
