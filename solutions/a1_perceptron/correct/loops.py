"""Python loops instead of vectorised numpy: relu, softmax, perceptron_predict, cross_entropy and update_params."""

CELLS = {
    "relu": "def relu(z):\n    out = np.empty_like(z)\n    for idx in np.ndindex(z.shape):\n        out[idx] = z[idx] if z[idx] > 0 else 0.0\n    return out\n",
    "softmax": """def softmax(z):
    out = np.empty_like(z, dtype=np.float64)
    for i in range(z.shape[0]):
        row = z[i] - max(z[i])
        e = np.exp(row)
        out[i] = e / e.sum()
    return out
""",
    "perceptron_predict": "def perceptron_predict(X, w, b):\n    return np.array([1 if float(np.dot(x, w)) + b > 0 else 0 for x in X], dtype=np.int64)\n",
    "cross_entropy": "def cross_entropy(A2, y):\n    total = 0.0\n    for i in range(len(y)):\n        total -= np.log(A2[i, y[i]])\n    return total / len(y)\n",
    "update_params": "def update_params(params, grads, lr):\n    new = {}\n    for name in ('W1', 'b1', 'W2', 'b2'):\n        new[name] = params[name] - lr * grads['d' + name]\n    return new\n",
}
