"""clip_by_norm always rescales to norm max_norm, also when the norm is already below it."""

CELLS = {
    "clip_by_norm": "def clip_by_norm(grads, max_norm):\n    total = np.sqrt(sum(float(np.sum(v ** 2)) for v in grads.values()))\n    return {k: v * (max_norm / total) for k, v in grads.items()}\n"
}
EXPECT_FAILED = {
    "clip_by_norm.below",
}
