"""Updates the parameters and accumulators in place (-=, +=) and returns the dicts it was given."""

CELLS = {
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    for key in params:
        accum[key] += grads[key] ** 2
        params[key] -= lr * grads[key] / np.sqrt(accum[key])
    return params, accum
""",
}
EXPECT_FAILED = {"adagrad_step.own_result", "adagrad_step.unchanged"}
