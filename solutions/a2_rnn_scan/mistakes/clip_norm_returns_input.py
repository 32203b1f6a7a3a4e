"""clip_by_norm returns the caller's dict itself when the norm is already below max_norm, not a
new dict of new arrays (contract: own_result)."""

CELLS = {
    "clip_by_norm": "def clip_by_norm(grads, max_norm):\n    total = np.sqrt(sum(float(np.sum(v ** 2)) for v in grads.values()))\n    if total <= max_norm:\n        return grads\n    return {k: v * (max_norm / total) for k, v in grads.items()}\n"
}
EXPECT_FAILED = {
    "clip_by_norm.own_result",
}
