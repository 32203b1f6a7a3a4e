"""Returns a parameter and its accumulator as they were given (the same arrays) when its gradient is all zero."""

CELLS = {
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_params, new_accum = {}, {}
    for key in params:
        if not np.any(grads[key]):
            new_params[key], new_accum[key] = params[key], accum[key]
            continue
        new_accum[key] = accum[key] + grads[key] ** 2
        new_params[key] = params[key] - lr * grads[key] / np.sqrt(new_accum[key])
    return new_params, new_accum
""",
}
EXPECT_FAILED = {"adagrad_step.own_result"}
