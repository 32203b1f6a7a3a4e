"""np.einsum for the matrix products, a sigmoid that branches on the sign (stable), logsumexp softmax."""

CELLS = {
    "sigmoid": """def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out
""",
    "softmax": "def softmax(z):\n    m = z.max(axis=-1, keepdims=True)\n    lse = m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True))\n    return np.exp(z - lse)\n",
    "forward": """def forward(X, params):
    Z1 = np.einsum('mi,ih->mh', X, params['W1']) + params['b1']
    A1 = relu(Z1)
    Z2 = np.einsum('mh,hk->mk', A1, params['W2']) + params['b2']
    A2 = softmax(Z2)
    return A2, {'Z1': Z1, 'A1': A1, 'Z2': Z2, 'A2': A2}
""",
    "logistic_gradients": """def logistic_gradients(X, y, w, b):
    r = sigmoid(np.einsum('mi,i->m', X, w) + b) - y
    return np.einsum('mi,m->i', X, r) / X.shape[0], float(r.mean())
""",
}
