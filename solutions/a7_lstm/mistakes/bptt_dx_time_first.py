"""lstm_backward collects the steps' dx in a list and stacks it on axis 0: dx_seq of shape (T, m, n_x)
instead of (m, T, n_x)."""

CELLS = {
    "lstm_backward": """def lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias):
    hs, cs = lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias)
    h_prevs = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    c_prevs = np.concatenate([c0[:, None], cs[:, :-1]], axis=1)
    dh_next, dc_next = np.zeros_like(h0), np.zeros_like(c0)
    dxs = []
    dk, drk, db = np.zeros_like(kernel), np.zeros_like(recurrent_kernel), np.zeros_like(bias)
    for t in reversed(range(x_seq.shape[1])):
        g = lstm_step_backward(dhs[:, t] + dh_next, dc_next, h_prevs[:, t], c_prevs[:, t], x_seq[:, t], kernel, recurrent_kernel, bias)
        dh_next, dc_next = g["dh_prev"], g["dc_prev"]
        dxs.insert(0, g["dx"])
        dk, drk, db = dk + g["dkernel"], drk + g["drecurrent_kernel"], db + g["dbias"]
    return {"dx_seq": np.stack(dxs), "dh0": dh_next, "dc0": dc_next, "dkernel": dk, "drecurrent_kernel": drk, "dbias": db}
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
}
