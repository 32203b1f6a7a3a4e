"""Returns (new_accum, new_params), the two dicts in the wrong order."""

CELLS = {
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_params, new_accum = {}, {}
    for key in params:
        new_accum[key] = accum[key] + grads[key] ** 2
        new_params[key] = params[key] - lr * grads[key] / np.sqrt(new_accum[key])
    return new_accum, new_params
""",
}
EXPECT_FAILED = {
    "adagrad_step.hidden",
    "adagrad_step.values",
    "adagrad_step.zero_grad",
    "train_glove.defaults",
    "train_glove.hidden",
    "train_glove.one_epoch",
    "train_glove.values",
}
