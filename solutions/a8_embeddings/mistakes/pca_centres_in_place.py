"""pca_2d centres X in place (X -= mean): right projection, but the caller's X is changed."""

CELLS = {
    "pca_2d": """def pca_2d(X):
    X -= X.mean(axis=0)
    cov = X.T @ X / (len(X) - 1)
    values, vecs = np.linalg.eigh(cov)
    W = vecs[:, np.argsort(values)[::-1][:2]]
    signs = np.sign(W[np.argmax(np.abs(W), axis=0), [0, 1]])
    return X @ (W * signs)
"""
}
EXPECT_FAILED = {"pca_2d.unchanged"}
