"""lstm_step_backward builds dc_total in the dc array it is given (dc += ...), scales it by f in place
and returns that array as dc_prev: right values, but the caller's dc is changed and the result is the
argument (contract: own_result and unchanged)."""

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
    dc += dh * o * (1 - tc ** 2)
    di, df, dg = dc * g, dc * c_prev, dc * i
    dz = np.concatenate([di * i * (1 - i), df * f * (1 - f), dg * (1 - g ** 2), do * o * (1 - o)], axis=1)
    dc *= f
    return {"dh_prev": dz @ recurrent_kernel.T, "dc_prev": dc, "dx": dz @ kernel.T,
            "dkernel": x.T @ dz, "drecurrent_kernel": h_prev.T @ dz, "dbias": dz.sum(axis=0)}
"""
}
EXPECT_FAILED = {"lstm_step_backward.own_result", "lstm_step_backward.unchanged"}
