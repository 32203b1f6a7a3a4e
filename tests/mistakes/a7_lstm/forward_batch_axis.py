"""lstm_forward loops over axis 0 (the batch) instead of axis 1 (time)."""
CELLS = {"lstm_forward": """def lstm_forward(x_seq, h0, c0, kernel, recurrent_kernel, bias):
    h, c = h0, c0
    hs, cs = [], []
    for t in range(x_seq.shape[0]):
        h, c = lstm_step(h, c, x_seq[t], kernel, recurrent_kernel, bias)
        hs.append(h)
        cs.append(c)
    return np.stack(hs, axis=1), np.stack(cs, axis=1)
"""}
EXPECT_FAILED = set()
