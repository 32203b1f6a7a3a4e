"""Computes J in float32 tensors: the docstring names float64."""

CELLS = {
    "glove_loss_tf": """def glove_loss_tf(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    i, j = np.nonzero(X)
    x = tf.constant(X[i, j], dtype=tf.float32)
    W, W_tilde = tf.cast(W, tf.float32), tf.cast(W_tilde, tf.float32)
    b, b_tilde = tf.cast(b, tf.float32), tf.cast(b_tilde, tf.float32)
    diff = tf.reduce_sum(tf.gather(W, i) * tf.gather(W_tilde, j), axis=1) + tf.gather(b, i) + tf.gather(b_tilde, j) - tf.math.log(x)
    return tf.reduce_sum(tf.minimum((x / x_max) ** alpha, 1.0) * diff**2)
""",
}
EXPECT_FAILED = {
    "glove_loss_tf.defaults",
    "glove_loss_tf.dtype",
    "glove_loss_tf.hidden",
    "glove_loss_tf.tape",
    "glove_loss_tf.tape_hidden",
    "glove_loss_tf.values",
}
MESSAGE = "dtype"
