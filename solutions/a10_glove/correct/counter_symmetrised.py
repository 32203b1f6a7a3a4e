"""Co-occurrences counted forward only into a dict, then X + X.T; the loss and gradients through a dense F with np.divide and np.log's where=."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    forward = {}
    for sentence in id_sentences:
        for t, word in enumerate(sentence):
            for s in range(t + 1, min(t + window, len(sentence) - 1) + 1):
                key = (word, sentence[s])
                forward[key] = forward.get(key, 0.0) + 1.0 / (s - t)
    X = np.zeros((vocab_size, vocab_size))
    for (i, j), value in forward.items():
        X[i, j] += value
    return X + X.T
""",
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    f = np.power(np.divide(X, x_max, dtype=np.float64), alpha)
    f[f > 1] = 1.0
    return f
""",
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    seen = X > 0
    e = W @ W_tilde.T + np.add.outer(b, b_tilde) - np.log(np.where(seen, X, 1.0))
    return float((weighting(X, x_max, alpha) * e**2)[seen].sum())
""",
    "glove_gradients": """def glove_gradients(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    seen = X > 0
    e = W @ W_tilde.T + np.add.outer(b, b_tilde) - np.log(np.where(seen, X, 1.0))
    F2 = 2 * np.where(seen, weighting(X, x_max, alpha) * e, 0.0)
    return {"W": F2 @ W_tilde, "W_tilde": (W.T @ F2).T, "b": F2 @ np.ones(len(b_tilde)), "b_tilde": np.ones(len(b)) @ F2}
""",
    "train_glove": """def train_glove(X, dim, epochs, lr=0.05, x_max=100.0, alpha=0.75, seed=0):
    state = init_params(X.shape[0], dim, seed)
    accum = {key: np.full(value.shape, 1.0) for key, value in state.items()}
    losses = np.empty(epochs, dtype=np.float64)
    epoch = 0
    while epoch < epochs:
        losses[epoch] = glove_loss(X=X, x_max=x_max, alpha=alpha, **state)
        state, accum = adagrad_step(state, glove_gradients(X=X, x_max=x_max, alpha=alpha, **state), accum, lr)
        epoch += 1
    state["losses"] = losses
    return state
""",
    "glove_vectors": """def glove_vectors(params):
    return sum(params[key] for key in ("W", "W_tilde"))
""",
}
