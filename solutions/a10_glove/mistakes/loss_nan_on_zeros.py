"""Sums over every entry: f(0) * (inf) ** 2 is nan."""

CELLS = {
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    with np.errstate(divide="ignore", invalid="ignore"):
        diff = W @ W_tilde.T + b[:, None] + b_tilde[None, :] - np.log(X)
        return float(np.sum(weighting(X, x_max, alpha) * diff ** 2))
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
