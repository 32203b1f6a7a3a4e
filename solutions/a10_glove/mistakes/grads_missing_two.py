"""Forgets the factor 2 of the squared error's derivative."""

CELLS = {
    "glove_gradients": """def glove_gradients(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    F = np.zeros(X.shape)
    F[i, j] = weighting(X[i, j], x_max, alpha) * (np.sum(W[i] * W_tilde[j], axis=1) + b[i] + b_tilde[j] - np.log(X[i, j]))
    return {"W": F @ W_tilde, "W_tilde": F.T @ W, "b": F.sum(axis=1), "b_tilde": F.sum(axis=0)}
""",
}
EXPECT_FAILED = {
    "glove_gradients.defaults",
    "glove_gradients.hidden",
    "glove_gradients.numeric",
    "glove_gradients.numeric_hidden",
    "glove_gradients.tape",
    "glove_gradients.values",
    "glove_gradients.zero_rows",
    "train_glove.defaults",
    "train_glove.hidden",
    "train_glove.one_epoch",
    "train_glove.values",
}
