"""Forgets the biases: fits w_i . w~_j alone to log X_ij."""

CELLS = {
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    diff = np.sum(W[i] * W_tilde[j], axis=1) - np.log(X[i, j])
    return float(np.sum(weighting(X[i, j], x_max, alpha) * diff ** 2))
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
