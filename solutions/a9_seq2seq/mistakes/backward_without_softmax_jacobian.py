"""attention_backward treats the softmax as if its Jacobian were diagonal: d_scores = weights * g, the weighted mean of g not subtracted."""

CELLS = {
    "attention_backward": """def attention_backward(d_context, weights, values):
    g = np.einsum("bd,bsd->bs", d_context, values)
    return weights * g, weights[:, :, None] * d_context[:, None, :]
"""
}
EXPECT_FAILED = {
    "attention_backward.values",
    "attention_backward.numeric",
    "attention_backward.hidden",
    "attention_backward.numeric_hidden",
    "attention_backward.unchanged",
}
