"""rnn_step_concat as the split form on column blocks of W_h; clipping with np.minimum/np.maximum and np.linalg.norm."""

CELLS = {
    "rnn_step_concat": "def rnn_step_concat(h_prev, x, W_h, b_h):\n    n_h = h_prev.shape[0]\n    return np.tanh(W_h[:, :n_h] @ h_prev + W_h[:, n_h:] @ x + b_h)\n",
    "clip_by_value": "def clip_by_value(grads, clip):\n    return {name: np.minimum(np.maximum(g, -clip), clip) for name, g in grads.items()}\n",
    "clip_by_norm": """def clip_by_norm(grads, max_norm):
    norm = np.linalg.norm(np.concatenate([g.ravel() for g in grads.values()]))
    if norm <= max_norm:
        return {name: g.copy() for name, g in grads.items()}
    return {name: g * (max_norm / norm) for name, g in grads.items()}
""",
}
