"""Divides by the square root of the accumulator before adding this step's g ** 2."""

CELLS = {
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_params, new_accum = {}, {}
    for key in params:
        new_params[key] = params[key] - lr * grads[key] / np.sqrt(accum[key])
        new_accum[key] = accum[key] + grads[key] ** 2
    return new_params, new_accum
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
