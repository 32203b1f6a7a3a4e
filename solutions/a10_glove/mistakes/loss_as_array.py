"""Computes J as a product of column vectors and returns the (1, 1) array, not a float."""

CELLS = {
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    e = (np.sum(W[i] * W_tilde[j], axis=1) + b[i] + b_tilde[j] - np.log(X[i, j]))[:, None]
    return e.T @ (weighting(X[i, j], x_max, alpha)[:, None] * e)
""",
}
EXPECT_FAILED = {
    "glove_loss.defaults",
    "glove_loss.hidden",
    "glove_loss.values",
    "glove_loss.zero_rows",
    "train_glove.defaults",
    "train_glove.hidden",
    "train_glove.one_epoch",
    "train_glove.values",
}
MESSAGE = "scalar"
