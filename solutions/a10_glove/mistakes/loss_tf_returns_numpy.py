"""Computes J in TensorFlow but returns .numpy() of it: not a tensor, and the tape cannot follow it."""

CELLS = {
    "glove_loss_tf": """def glove_loss_tf(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    x = tf.constant(X[i, j], dtype=tf.float64)
    e = tf.reduce_sum(tf.gather(W, i) * tf.gather(W_tilde, j), axis=1) + tf.gather(b, i) + tf.gather(b_tilde, j) - tf.math.log(x)
    return tf.reduce_sum(tf.minimum((x / x_max) ** alpha, 1.0) * e**2).numpy()
""",
}
EXPECT_FAILED = {
    "glove_gradients.tape",
    "glove_loss_tf.defaults",
    "glove_loss_tf.hidden",
    "glove_loss_tf.tape",
    "glove_loss_tf.tape_hidden",
    "glove_loss_tf.values",
}
