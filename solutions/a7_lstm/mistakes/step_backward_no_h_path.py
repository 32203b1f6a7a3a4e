"""lstm_step_backward forgets that c_t also reaches the loss through h_t: dc_total = dc only."""

CELLS = {
    "lstm_step_backward": """def lstm_step_backward(dh, dc, h_prev, c_prev, x, kernel, recurrent_kernel, bias):
    n_h = h_prev.shape[1]
    z = x @ kernel + h_prev @ recurrent_kernel + bias
    i, f = sigmoid(z[:, :n_h]), sigmoid(z[:, n_h:2 * n_h])
    g, o = np.tanh(z[:, 2 * n_h:3 * n_h]), sigmoid(z[:, 3 * n_h:])
    c = f * c_prev + i * g
    do = dh * np.tanh(c)
    dct = dc
    dz = np.concatenate([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dct * i * (1 - g ** 2), do * o * (1 - o)], axis=1)
    return {"dh_prev": dz @ recurrent_kernel.T, "dc_prev": dct * f, "dx": dz @ kernel.T,
            "dkernel": x.T @ dz, "drecurrent_kernel": h_prev.T @ dz, "dbias": dz.sum(axis=0)}
"""
}
EXPECT_FAILED = {
    "last_step_input_grad_norms.hidden",
    "last_step_input_grad_norms.one_example",
    "last_step_input_grad_norms.unchanged",
    "last_step_input_grad_norms.values",
    "lstm_backward.hidden",
    "lstm_backward.last_only",
    "lstm_backward.numeric",
    "lstm_backward.numeric_hidden",
    "lstm_backward.tape",
    "lstm_backward.tape_long",
    "lstm_backward.unchanged",
    "lstm_backward.values",
    "lstm_step_backward.dh_only",
    "lstm_step_backward.hidden",
    "lstm_step_backward.numeric",
    "lstm_step_backward.numeric_hidden",
    "lstm_step_backward.unchanged",
    "lstm_step_backward.values",
}
