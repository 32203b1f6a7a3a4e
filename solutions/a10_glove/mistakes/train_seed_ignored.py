"""Starts from init_params(V, dim, 0) whatever the seed."""

CELLS = {
    "train_glove": """def train_glove(X, dim, epochs, lr=0.05, x_max=100.0, alpha=0.75, seed=0):
    params = init_params(X.shape[0], dim, 0)
    accum = {key: np.ones_like(value) for key, value in params.items()}
    losses = []
    for _ in range(epochs):
        losses.append(glove_loss(**params, X=X, x_max=x_max, alpha=alpha))
        grads = glove_gradients(**params, X=X, x_max=x_max, alpha=alpha)
        params, accum = adagrad_step(params, grads, accum, lr)
    return {**params, "losses": np.array(losses)}
""",
}
EXPECT_FAILED = {"train_glove.hidden", "train_glove.one_epoch", "train_glove.values"}
