"""Plain Python loops everywhere; the TensorFlow loss on the dense matrix, with a safe log (log 1 = 0 where X is 0)."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size), dtype=np.float64)
    for sentence in id_sentences:
        for t, word in enumerate(sentence):
            for s, other in enumerate(sentence):
                d = abs(t - s)
                if 1 <= d <= window:
                    X[word, other] = X[word, other] + 1 / d
    return X
""",
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    X = np.asarray(X, dtype=np.float64)
    out = np.ones(X.shape)
    for k in np.ndindex(X.shape):
        if X[k] < x_max:
            out[k] = (X[k] / x_max) ** alpha
    return out
""",
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    total = 0.0
    V = X.shape[0]
    for i in range(V):
        for j in range(V):
            if X[i, j] > 0:
                e = W[i] @ W_tilde[j] + b[i] + b_tilde[j] - np.log(X[i, j])
                f = (X[i, j] / x_max) ** alpha if X[i, j] < x_max else 1.0
                total += f * e * e
    return total
""",
    "glove_gradients": """def glove_gradients(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    dW, dWt = np.zeros_like(W), np.zeros_like(W_tilde)
    db, dbt = np.zeros_like(b), np.zeros_like(b_tilde)
    V = X.shape[0]
    for i in range(V):
        for j in range(V):
            if X[i, j] > 0:
                e = W[i] @ W_tilde[j] + b[i] + b_tilde[j] - np.log(X[i, j])
                f = (X[i, j] / x_max) ** alpha if X[i, j] < x_max else 1.0
                g = 2 * f * e
                dW[i] += g * W_tilde[j]
                dWt[j] += g * W[i]
                db[i] += g
                dbt[j] += g
    return {"W": dW, "W_tilde": dWt, "b": db, "b_tilde": dbt}
""",
    "glove_loss_tf": """def glove_loss_tf(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    seen = X > 0
    logX = tf.constant(np.log(np.where(seen, X, 1.0)))
    f = tf.constant(np.where(seen, np.minimum(X / x_max, 1.0) ** alpha, 0.0))
    W, W_tilde = tf.convert_to_tensor(W, dtype=tf.float64), tf.convert_to_tensor(W_tilde, dtype=tf.float64)
    b, b_tilde = tf.convert_to_tensor(b, dtype=tf.float64), tf.convert_to_tensor(b_tilde, dtype=tf.float64)
    e = tf.matmul(W, W_tilde, transpose_b=True) + tf.reshape(b, (-1, 1)) + tf.reshape(b_tilde, (1, -1)) - logX
    return tf.reduce_sum(f * tf.square(e))
""",
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_params, new_accum = {}, {}
    for key in params:
        G = np.array(accum[key], dtype=np.float64)
        theta = np.array(params[key], dtype=np.float64)
        for k in np.ndindex(G.shape):
            G[k] += grads[key][k] ** 2
            theta[k] -= lr * grads[key][k] / np.sqrt(G[k])
        new_params[key], new_accum[key] = theta, G
    return new_params, new_accum
""",
    "train_glove": """def train_glove(X, dim, epochs, lr=0.05, x_max=100.0, alpha=0.75, seed=0):
    params = init_params(len(X), dim, seed)
    accum = {}
    for key in params:
        accum[key] = np.ones(params[key].shape)
    losses = np.zeros(epochs)
    for epoch in range(epochs):
        losses[epoch] = glove_loss(params["W"], params["W_tilde"], params["b"], params["b_tilde"], X, x_max, alpha)
        grads = glove_gradients(params["W"], params["W_tilde"], params["b"], params["b_tilde"], X, x_max, alpha)
        params, accum = adagrad_step(params, grads, accum, lr)
    result = dict(params)
    result["losses"] = losses
    return result
""",
    "glove_vectors": """def glove_vectors(params):
    W, W_tilde = params["W"], params["W_tilde"]
    out = np.empty(W.shape)
    for i in range(W.shape[0]):
        out[i] = W[i] + W_tilde[i]
    return out
""",
}
