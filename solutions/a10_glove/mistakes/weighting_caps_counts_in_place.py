"""Caps the counts in the caller's array (X[X > x_max] = x_max) before computing: right values, changed argument."""

CELLS = {
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    X[X > x_max] = x_max
    return (X / x_max) ** alpha
""",
}
EXPECT_FAILED = {"weighting.unchanged"}
