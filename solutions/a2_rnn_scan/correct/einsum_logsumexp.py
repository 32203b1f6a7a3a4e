"""np.einsum for the step and the output, softmax through logsumexp, the cost by a loop over time."""

CELLS = {
    "rnn_step_split": "def rnn_step_split(h_prev, x, W_hh, W_hx, b_h):\n    return np.tanh(np.einsum('ij,jm->im', W_hh, h_prev) + np.einsum('ij,jm->im', W_hx, x) + b_h)\n",
    "rnn_output": """def rnn_output(h, W_yh, b_y):
    z = np.einsum('yh,hm->ym', W_yh, h) + b_y
    top = z.max(axis=0)
    lse = top + np.log(np.exp(z - top).sum(axis=0))
    return np.exp(z - lse)
""",
    "rnn_cost": """def rnn_cost(ys, targets):
    total, count = 0.0, 0
    for t in range(ys.shape[0]):
        for i in range(ys.shape[2]):
            total -= np.log(ys[t, targets[t, i], i])
            count += 1
    return total / count
""",
}
