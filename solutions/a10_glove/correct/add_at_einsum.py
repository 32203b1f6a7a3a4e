"""Vectorised: np.add.at over the pairs at each distance, a dense masked loss with np.einsum, np.bincount for the bias gradients."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    X = np.zeros((vocab_size, vocab_size))
    for sentence in id_sentences:
        ids = np.asarray(sentence, dtype=np.int64)
        for d in range(1, min(window, len(ids) - 1) + 1):
            left, right = ids[:-d], ids[d:]
            np.add.at(X, (left, right), 1.0 / d)
            np.add.at(X, (right, left), 1.0 / d)
    return X
""",
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    X = np.asarray(X, dtype=np.float64)
    return np.where(X < x_max, (X / x_max) ** alpha, 1.0)
""",
    "glove_loss": """def glove_loss(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    seen = X > 0
    logX = np.log(X, out=np.zeros_like(X), where=seen)
    e = np.einsum("id,jd->ij", W, W_tilde) + b[:, None] + b_tilde[None, :] - logX
    return float(np.einsum("ij,ij->", np.where(seen, weighting(X, x_max, alpha), 0.0), e * e))
""",
    "glove_gradients": """def glove_gradients(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    e = np.einsum("nd,nd->n", W[i], W_tilde[j]) + b[i] + b_tilde[j] - np.log(X[i, j])
    g = 2 * weighting(X[i, j], x_max, alpha) * e
    dW = np.zeros_like(W)
    dWt = np.zeros_like(W_tilde)
    np.add.at(dW, i, g[:, None] * W_tilde[j])
    np.add.at(dWt, j, g[:, None] * W[i])
    V = X.shape[0]
    return {"W": dW, "W_tilde": dWt, "b": np.bincount(i, weights=g, minlength=V), "b_tilde": np.bincount(j, weights=g, minlength=V)}
""",
    "glove_loss_tf": """def glove_loss_tf(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    pairs = np.argwhere(X > 0)
    x = tf.constant(X[X > 0])
    w = tf.gather(tf.convert_to_tensor(W, dtype=tf.float64), pairs[:, 0])
    wt = tf.gather(tf.convert_to_tensor(W_tilde, dtype=tf.float64), pairs[:, 1])
    e = tf.einsum("nd,nd->n", w, wt) + tf.gather(tf.convert_to_tensor(b, dtype=tf.float64), pairs[:, 0])
    e = e + tf.gather(tf.convert_to_tensor(b_tilde, dtype=tf.float64), pairs[:, 1]) - tf.math.log(x)
    f = tf.where(x < x_max, tf.pow(x / x_max, alpha), tf.ones_like(x))
    return tf.reduce_sum(f * e * e)
""",
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_accum = {key: np.add(accum[key], np.square(grads[key])) for key in params}
    return {key: params[key] - lr * grads[key] * new_accum[key] ** -0.5 for key in params}, new_accum
""",
}
