"""clip_by_norm rescales each gradient by its own norm instead of the global norm."""

CELLS = {
    "clip_by_norm": "def clip_by_norm(grads, max_norm):\n    out = {}\n    for k, v in grads.items():\n        n = np.sqrt(np.sum(v ** 2))\n        out[k] = v * (max_norm / n) if n > max_norm else v\n    return out\n"
}
EXPECT_FAILED = {"clip_by_norm.hidden", "clip_by_norm.unchanged", "clip_by_norm.values"}
MESSAGE = "values differ"
