"""clip_by_value only clips from above: large negative entries stay."""

CELLS = {
    "clip_by_value": "def clip_by_value(grads, clip):\n    return {k: np.minimum(v, clip) for k, v in grads.items()}\n"
}
EXPECT_FAILED = {"clip_by_value.copy_and_inside", "clip_by_value.unchanged", "clip_by_value.values"}
MESSAGE = "values differ"
