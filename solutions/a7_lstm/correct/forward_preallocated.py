"""lstm_forward with preallocated outputs written step by step; last_step_input_grad_norms with np.linalg.norm."""

CELLS = {
    "lstm_forward": """def lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    m, T, _ = x_seq.shape
    n_h = h0.shape[1]
    hs = np.empty((m, T, n_h))
    cs = np.empty((m, T, n_h))
    h, c = h0.copy(), c0.copy()
    for t in range(T):
        h, c = lstm_step(h, c, x_seq[:, t, :], kernel, recurrent_kernel, bias)
        hs[:, t, :] = h
        cs[:, t, :] = c
    return hs, cs
""",
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    dhs = np.zeros(x_seq.shape[:2] + (h0.shape[1],))
    dhs[:, x_seq.shape[1] - 1, :] = 1
    dx = lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias)["dx_seq"]
    return np.array([np.linalg.norm(dx[:, t, :]) for t in range(x_seq.shape[1])])
""",
}
