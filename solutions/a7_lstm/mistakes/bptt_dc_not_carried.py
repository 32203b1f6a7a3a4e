"""BPTT drops the cell-state path: the gradient into c_t is reset to zero at every step."""

CELLS = {
    "lstm_backward": """def lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias):
    hs, cs = lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias)
    h_prevs = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    c_prevs = np.concatenate([c0[:, None], cs[:, :-1]], axis=1)
    dh_next = np.zeros_like(h0)
    dx_seq = np.zeros_like(x_seq)
    dk, drk, db = np.zeros_like(kernel), np.zeros_like(recurrent_kernel), np.zeros_like(bias)
    for t in reversed(range(x_seq.shape[1])):
        g = lstm_step_backward(dhs[:, t] + dh_next, np.zeros_like(c0), h_prevs[:, t], c_prevs[:, t], x_seq[:, t], kernel, recurrent_kernel, bias)
        dh_next, dc0 = g["dh_prev"], g["dc_prev"]
        dx_seq[:, t] = g["dx"]
        dk, drk, db = dk + g["dkernel"], drk + g["drecurrent_kernel"], db + g["dbias"]
    return {"dx_seq": dx_seq, "dh0": dh_next, "dc0": dc0, "dkernel": dk, "drecurrent_kernel": drk, "dbias": db}
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
}
