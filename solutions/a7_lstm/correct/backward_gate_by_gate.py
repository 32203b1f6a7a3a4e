"""lstm_step_backward with one weight gradient per gate, assembled with np.hstack; lstm_backward re-running
lstm_step for each step's inputs and counting down with a while loop."""

CELLS = {
    "lstm_step_backward": """def lstm_step_backward(dh, dc, h_prev, c_prev, x, kernel, recurrent_kernel, bias):
    n = h_prev.shape[1]
    W = [kernel[:, k * n:(k + 1) * n] for k in range(4)]
    U = [recurrent_kernel[:, k * n:(k + 1) * n] for k in range(4)]
    b = [bias[k * n:(k + 1) * n] for k in range(4)]
    pre = [x @ W[k] + h_prev @ U[k] + b[k] for k in range(4)]
    i, f, o = sigmoid(pre[0]), sigmoid(pre[1]), sigmoid(pre[3])
    g = np.tanh(pre[2])
    c = f * c_prev + i * g
    dc_all = dc + dh * o * (1.0 - np.tanh(c) ** 2)
    d_pre = [dc_all * g * i * (1 - i), dc_all * c_prev * f * (1 - f), dc_all * i * (1 - g * g), dh * np.tanh(c) * o * (1 - o)]
    return {"dh_prev": sum(d_pre[k] @ U[k].T for k in range(4)),
            "dc_prev": dc_all * f,
            "dx": sum(d_pre[k] @ W[k].T for k in range(4)),
            "dkernel": np.hstack([x.T @ d for d in d_pre]),
            "drecurrent_kernel": np.hstack([h_prev.T @ d for d in d_pre]),
            "dbias": np.hstack([d.sum(axis=0) for d in d_pre])}
""",
    "lstm_backward": """def lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias):
    T = x_seq.shape[1]
    states = [(h0, c0)]
    for t in range(T):
        states.append(lstm_step(*states[-1], x_seq[:, t], kernel, recurrent_kernel, bias))
    grads = {"dkernel": 0.0, "drecurrent_kernel": 0.0, "dbias": 0.0}
    dx = []
    dh, dc = np.zeros(h0.shape), np.zeros(c0.shape)
    t = T - 1
    while t >= 0:
        h_prev, c_prev = states[t]
        s = lstm_step_backward(dh + dhs[:, t], dc, h_prev, c_prev, x_seq[:, t], kernel, recurrent_kernel, bias)
        for k in grads:
            grads[k] = grads[k] + s[k]
        dx.insert(0, s["dx"])
        dh, dc = s["dh_prev"], s["dc_prev"]
        t -= 1
    return {"dx_seq": np.stack(dx, axis=1), "dh0": dh, "dc0": dc, **grads}
""",
}
