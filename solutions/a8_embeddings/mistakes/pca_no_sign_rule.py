"""pca_2d without the sign rule: it keeps the eigenvectors' signs as np.linalg.eigh returns them."""

CELLS = {
    "pca_2d": """def pca_2d(X):
    Xc = X - X.mean(axis=0)
    values, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    return Xc @ vecs[:, np.argsort(values)[::-1][:2]]
"""
}
EXPECT_FAILED = {"pca_2d.few_points", "pca_2d.hidden", "pca_2d.sign", "pca_2d.two_points", "pca_2d.values"}
