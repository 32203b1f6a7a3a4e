"""Computes J in numpy and wraps it in tf.constant: the right number, but the tape sees no operation on the parameters."""

CELLS = {
    "glove_loss_tf": """def glove_loss_tf(W, W_tilde, b, b_tilde, X, x_max=100.0, alpha=0.75):
    W, W_tilde, b, b_tilde = (np.asarray(p) for p in (W, W_tilde, b, b_tilde))
    return tf.constant(glove_loss(W, W_tilde, b, b_tilde, X, x_max, alpha), dtype=tf.float64)
""",
}
EXPECT_FAILED = {"glove_gradients.tape", "glove_loss_tf.tape", "glove_loss_tf.tape_hidden"}
