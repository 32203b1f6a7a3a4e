"""gru_step gate by gate with named weight blocks (np.split), gru_forward with np.transpose around scan."""

CELLS = {
    "gru_step": """def gru_step(h_prev, x, kernel, recurrent_kernel, bias, reset_after):
    W_z, W_r, W_h = np.split(kernel, 3, axis=1)
    U_z, U_r, U_h = np.split(recurrent_kernel, 3, axis=1)
    if reset_after:
        (bx_z, bx_r, bx_h), (bh_z, bh_r, bh_h) = np.split(bias[0], 3), np.split(bias[1], 3)
    else:
        bx_z, bx_r, bx_h = np.split(bias, 3)
        bh_z = bh_r = bh_h = 0.0
    z = sigmoid(x @ W_z + bx_z + h_prev @ U_z + bh_z)
    r = sigmoid(x @ W_r + bx_r + h_prev @ U_r + bh_r)
    if reset_after:
        cand = np.tanh(x @ W_h + bx_h + r * (h_prev @ U_h + bh_h))
    else:
        cand = np.tanh(x @ W_h + bx_h + (r * h_prev) @ U_h)
    return cand + z * (h_prev - cand)
""",
    "gru_forward": """def gru_forward(x_seq, h0, kernel, recurrent_kernel, bias, reset_after):
    def step(h, x):
        return gru_step(h, x, kernel, recurrent_kernel, bias, reset_after)
    return np.transpose(scan(step, np.transpose(x_seq, (1, 0, 2)), h0), (1, 0, 2))
""",
}
