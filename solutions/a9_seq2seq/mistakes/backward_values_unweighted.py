"""attention_backward gives every value the whole d_context (the weights left out of d_values)."""

CELLS = {
    "attention_backward": """def attention_backward(d_context, weights, values):
    g = np.einsum("bd,bsd->bs", d_context, values)
    d_scores = weights * (g - np.sum(weights * g, axis=1, keepdims=True))
    return d_scores, np.broadcast_to(d_context[:, None, :], values.shape).copy()
"""
}
EXPECT_FAILED = {
    "attention_backward.values",
    "attention_backward.numeric",
    "attention_backward.hidden",
    "attention_backward.numeric_hidden",
    "attention_backward.unchanged",
}
