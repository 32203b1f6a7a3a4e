"""Leaves out f: every nonzero count weighs 1."""

CELLS = {
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    diff = np.sum(W[i] * W_tilde[j], axis=1) + b[i] + b_tilde[j] - np.log(X[i, j])
    return float(np.sum(diff ** 2))
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
