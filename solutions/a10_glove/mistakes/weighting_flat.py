"""Computes f entry by entry into a flat array: right values, but not in X's shape."""

CELLS = {
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    return np.array([min((x / x_max) ** alpha, 1.0) for x in np.ravel(X)])
""",
}
EXPECT_FAILED = {"weighting.cap", "weighting.defaults", "weighting.hidden", "weighting.values"}
MESSAGE = "shape"
