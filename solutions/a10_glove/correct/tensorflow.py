"""Gradients from tf.GradientTape on glove_loss_tf, AdaGrad in TensorFlow; co-occurrences from a Counter of (word, context) pairs."""

CELLS = {
    "cooccurrence": """def cooccurrence(id_sentences, vocab_size, window):
    from collections import Counter

    pairs = Counter()
    for sentence in id_sentences:
        for t in range(len(sentence)):
            for d in range(1, window + 1):
                if t + d < len(sentence):
                    pairs[sentence[t], sentence[t + d]] += 1 / d
                    pairs[sentence[t + d], sentence[t]] += 1 / d
    X = np.zeros((vocab_size, vocab_size))
    for (i, j), value in pairs.items():
        X[i, j] = value
    return X
""",
    "weighting": """def weighting(X, x_max=100.0, alpha=0.75):
    return tf.minimum(tf.pow(tf.constant(X, dtype=tf.float64) / x_max, alpha), 1.0).numpy()
""",
    "glove_gradients": """def glove_gradients(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    variables = [tf.Variable(np.asarray(p, dtype=np.float64)) for p in (W, W_tilde, b, b_tilde)]
    with tf.GradientTape() as tape:
        loss = glove_loss_tf(*variables, X, x_max=x_max, alpha=alpha)
    grads = tape.gradient(loss, variables)
    return {k: tf.convert_to_tensor(g).numpy() for k, g in zip(("W", "W_tilde", "b", "b_tilde"), grads)}
""",
    "adagrad_step": """def adagrad_step(params, grads, accum, lr):
    new_params, new_accum = {}, {}
    for key in params:
        G = tf.constant(accum[key], dtype=tf.float64) + tf.square(tf.constant(grads[key], dtype=tf.float64))
        step = lr * tf.constant(grads[key], dtype=tf.float64) * tf.math.rsqrt(G)
        new_params[key] = (tf.constant(params[key], dtype=tf.float64) - step).numpy()
        new_accum[key] = G.numpy()
    return new_params, new_accum
""",
    "glove_vectors": """def glove_vectors(params):
    return np.add(params["W"], params["W_tilde"])
""",
}
