"""Raises x to alpha before dividing by x_max: x ** alpha / x_max."""

CELLS = {
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    return np.minimum(np.asarray(X, dtype=np.float64) ** alpha / x_max, 1.0)
""",
}
EXPECT_FAILED = {
    "glove_gradients.defaults",
    "glove_gradients.hidden",
    "glove_gradients.values",
    "glove_gradients.zero_rows",
    "glove_loss.defaults",
    "glove_loss.hidden",
    "glove_loss.values",
    "glove_loss.zero_rows",
    "train_glove.defaults",
    "train_glove.hidden",
    "train_glove.one_epoch",
    "train_glove.values",
    "weighting.cap",
    "weighting.defaults",
    "weighting.hidden",
    "weighting.values",
}
