"""clip_by_value clips the caller's arrays in place."""

CELLS = {
    "clip_by_value": "def clip_by_value(grads, clip):\n    for v in grads.values():\n        np.clip(v, -clip, clip, out=v)\n    return grads\n"
}
EXPECT_FAILED = {"clip_by_value.values", "clip_by_value.copy_and_inside", "clip_by_value.unchanged"}
MESSAGE = "input_unchanged"
