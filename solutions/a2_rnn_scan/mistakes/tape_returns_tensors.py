"""rnn_grads_tape returns the gradients as tf.Tensor, not as numpy arrays."""

CELLS = {
    "rnn_grads_tape": 'def rnn_grads_tape(x_seq, h0, params, targets):\n    p = {k: tf.Variable(np.asarray(v, dtype=np.float64)) for k, v in params.items()}\n    T, m = targets.shape\n    with tf.GradientTape() as tape:\n        ys, _ = rnn_forward_tf(x_seq, h0, p)\n        Y = tf.one_hot(targets, depth=ys.shape[1], axis=1, dtype=tf.float64)\n        cost = -tf.reduce_sum(Y * tf.math.log(ys)) / (T * m)\n    grads = tape.gradient(cost, p)\n    return {"d" + k: g for k, g in grads.items()}\n'
}
EXPECT_FAILED = {
    "rnn_grads_tape.numpy",
}
