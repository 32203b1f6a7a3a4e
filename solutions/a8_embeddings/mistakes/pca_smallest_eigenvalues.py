"""pca_2d takes the first two columns of np.linalg.eigh, which belong to the SMALLEST eigenvalues."""

CELLS = {
    "pca_2d": """def pca_2d(X):
    Xc = X - X.mean(axis=0)
    values, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    W = vecs[:, :2]
    signs = np.sign(W[np.argmax(np.abs(W), axis=0), [0, 1]])
    return Xc @ (W * signs)
"""
}
EXPECT_FAILED = {
    "pca_2d.few_points",
    "pca_2d.hidden",
    "pca_2d.sign",
    "pca_2d.two_points",
    "pca_2d.unchanged",
    "pca_2d.values",
}
