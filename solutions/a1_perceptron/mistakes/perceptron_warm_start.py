"""train_perceptron keeps its weights between calls (a warm start from the previous call's result):
the first call is right, a second call on the same data starts elsewhere (contract: repeatable)."""

CELLS = {
    "train_perceptron": """_last = {}


def train_perceptron(X, y, epochs, lr):
    w = _last.get("w", np.zeros(X.shape[1]))
    if w.shape != (X.shape[1],):
        w = np.zeros(X.shape[1])
    b = _last.get("b", 0.0)
    mistakes = np.zeros(epochs, dtype=np.int64)
    for epoch in range(epochs):
        for i in range(X.shape[0]):
            y_hat = 1 if float(X[i] @ w + b) > 0 else 0
            if y_hat != y[i]:
                mistakes[epoch] += 1
            w, b = perceptron_update(X[i], y[i], w, b, lr)
    _last.update(w=w, b=b)
    return w, b, mistakes
"""
}
EXPECT_FAILED = {"train_perceptron.repeatable"}
