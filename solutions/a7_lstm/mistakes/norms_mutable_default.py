"""last_step_input_grad_norms collects the norms in a mutable default list, so every call continues
the list of the calls before it: the first call is right, a second one on the same arguments is not
(contract: repeatable; the checks that run after another call fail too)."""

CELLS = {
    "last_step_input_grad_norms": """def last_step_input_grad_norms(x_seq, h0, c0, kernel, recurrent_kernel, bias, norms=[]):
    m, T, _ = x_seq.shape
    dhs = np.zeros((m, T, h0.shape[1]))
    dhs[:, -1] = 1.0
    dx_seq = lstm_backward(dhs, x_seq, h0, c0, kernel, recurrent_kernel, bias)["dx_seq"]
    for t in range(T):
        norms.append(np.sqrt(np.sum(dx_seq[:, t] ** 2)))
    return np.array(norms)
"""
}
EXPECT_FAILED = {"last_step_input_grad_norms.one_example", "last_step_input_grad_norms.repeatable"}
