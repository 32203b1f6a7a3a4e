"""context_vector sums the weighted values over the features instead of the source positions."""

CELLS = {
    "context_vector": """def context_vector(weights, values):
    return (weights[:, :, None] * values).sum(axis=2)
"""
}
EXPECT_FAILED = {
    "attention_backward.numeric",
    "attention_backward.numeric_hidden",
    "context_vector.hidden",
    "context_vector.one_hot",
    "context_vector.unchanged",
    "context_vector.values",
}
