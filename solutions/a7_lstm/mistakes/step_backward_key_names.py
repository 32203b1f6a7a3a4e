"""lstm_step_backward names the gradients of the previous states "dh" and "dc" (like its arguments)
instead of "dh_prev" and "dc_prev"."""

CELLS = {
    "lstm_step_backward": """def lstm_step_backward(dh, dc, h_prev, c_prev, x, kernel, recurrent_kernel, bias):
    n_h = h_prev.shape[1]
    z = x @ kernel + h_prev @ recurrent_kernel + bias
    i = sigmoid(z[:, :n_h])
    f = sigmoid(z[:, n_h:2 * n_h])
    g = np.tanh(z[:, 2 * n_h:3 * n_h])
    o = sigmoid(z[:, 3 * n_h:])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    do = dh * tc
    dc_total = dc + dh * o * (1 - tc ** 2)
    di, df, dg = dc_total * g, dc_total * c_prev, dc_total * i
    dz = np.concatenate([di * i * (1 - i), df * f * (1 - f), dg * (1 - g ** 2), do * o * (1 - o)], axis=1)
    return {"dh": dz @ recurrent_kernel.T, "dc": dc_total * f, "dx": dz @ kernel.T,
            "dkernel": x.T @ dz, "drecurrent_kernel": h_prev.T @ dz, "dbias": dz.sum(axis=0)}
"""
}
EXPECT_FAILED = {
    "last_step_input_grad_norms.hidden",
    "last_step_input_grad_norms.one_example",
    "last_step_input_grad_norms.values",
    "lstm_backward.hidden",
    "lstm_backward.last_only",
    "lstm_backward.numeric",
    "lstm_backward.numeric_hidden",
    "lstm_backward.tape",
    "lstm_backward.tape_long",
    "lstm_backward.values",
    "lstm_step_backward.dh_only",
    "lstm_step_backward.hidden",
    "lstm_step_backward.numeric",
    "lstm_step_backward.numeric_hidden",
    "lstm_step_backward.values",
}
