"""pca_2d finds the eigenvectors of the centred data's covariance but projects the uncentred X onto them."""

CELLS = {
    "pca_2d": """def pca_2d(X):
    Xc = X - X.mean(axis=0)
    cov = Xc.T @ Xc / (len(X) - 1)
    values, vecs = np.linalg.eigh(cov)
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
    "pca_2d.values",
}
