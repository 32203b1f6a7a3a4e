"""(x / x_max) ** alpha everywhere: f goes above 1 for counts above x_max."""

CELLS = {
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    return (np.asarray(X, dtype=np.float64) / x_max) ** alpha
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
    "train_glove.hidden",
    "train_glove.one_epoch",
    "train_glove.values",
    "weighting.cap",
    "weighting.defaults",
    "weighting.hidden",
    "weighting.values",
}
