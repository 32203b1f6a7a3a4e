"""Takes the log of every count, zeros included, then masks the zeros out: right value, but np.log(0) warns."""

CELLS = {
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    diff = W @ W_tilde.T + b[:, None] + b_tilde[None, :] - np.log(X)
    return float(np.sum(np.where(X > 0, weighting(X, x_max, alpha) * diff ** 2, 0.0)))
""",
}
EXPECT_FAILED = {"glove_loss.no_warning"}
