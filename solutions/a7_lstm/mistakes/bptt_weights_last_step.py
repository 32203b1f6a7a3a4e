"""lstm_backward keeps only the weight gradients of the last step it walks back (step 1): each step's
dkernel, drecurrent_kernel and dbias replace the sum instead of being added to it."""

CELLS = {
    "lstm_backward": """def lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias):
    hs, cs = lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias)
    h_prevs = np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    c_prevs = np.concatenate([c0[:, None], cs[:, :-1]], axis=1)
    dh_next, dc_next = np.zeros_like(h0), np.zeros_like(c0)
    dx_seq = np.zeros_like(x_seq, dtype=np.float64)
    for t in reversed(range(x_seq.shape[1])):
        g = lstm_step_backward(dhs[:, t] + dh_next, dc_next, h_prevs[:, t], c_prevs[:, t], x_seq[:, t], kernel, recurrent_kernel, bias)
        dh_next, dc_next = g["dh_prev"], g["dc_prev"]
        dx_seq[:, t] = g["dx"]
        dk, drk, db = g["dkernel"], g["drecurrent_kernel"], g["dbias"]
    return {"dx_seq": dx_seq, "dh0": dh_next, "dc0": dc_next, "dkernel": dk, "drecurrent_kernel": drk, "dbias": db}
"""
}
EXPECT_FAILED = {
    "lstm_backward.hidden",
    "lstm_backward.last_only",
    "lstm_backward.numeric",
    "lstm_backward.numeric_hidden",
    "lstm_backward.tape",
    "lstm_backward.tape_long",
    "lstm_backward.values",
}
