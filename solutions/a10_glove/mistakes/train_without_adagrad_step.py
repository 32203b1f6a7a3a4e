"""Writes the AdaGrad update out again inside train_glove instead of calling adagrad_step (built_on)."""

CELLS = {
    "train_glove": """def train_glove(X, dim, epochs, lr=0.05, x_max=100.0, alpha=0.75, seed=0):
    params = init_params(X.shape[0], dim, seed)
    accum = {key: np.ones_like(value) for key, value in params.items()}
    losses = []
    for _ in range(epochs):
        losses.append(glove_loss(**params, X=X, x_max=x_max, alpha=alpha))
        grads = glove_gradients(**params, X=X, x_max=x_max, alpha=alpha)
        accum = {key: accum[key] + grads[key] ** 2 for key in params}
        params = {key: params[key] - lr * grads[key] / np.sqrt(accum[key]) for key in params}
    return {**params, "losses": np.array(losses)}
""",
}
EXPECT_FAILED = {"train_glove.built_on"}
