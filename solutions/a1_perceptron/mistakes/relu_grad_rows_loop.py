"""relu_grad as two loops over z.shape[0] and z.shape[1]: right on 2-D arrays, wrong on any other shape."""

CELLS = {
    "relu_grad": "def relu_grad(z):\n    out = np.zeros(z.shape)\n    for i in range(z.shape[0]):\n        for j in range(z.shape[1]):\n            out[i, j] = 1.0 if z[i, j] > 0 else 0.0\n    return out\n"
}
EXPECT_FAILED = {
    "relu_grad.any_shape",
}
