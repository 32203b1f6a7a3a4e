"""pca_2d takes the eigenvectors of X.T @ X without centring the columns first."""

CELLS = {
    "pca_2d": """def pca_2d(X):
    values, vecs = np.linalg.eigh(X.T @ X / (len(X) - 1))
    W = vecs[:, np.argsort(values)[::-1][:2]]
    signs = np.sign(W[np.argmax(np.abs(W), axis=0), [0, 1]])
    return X @ (W * signs)
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
