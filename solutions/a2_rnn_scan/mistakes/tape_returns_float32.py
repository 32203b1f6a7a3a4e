"""rnn_grads_tape casts the gradients to float32 on the way out (the docstring says float64)."""

CELLS = {
    "rnn_grads_tape": 'def rnn_grads_tape(x_seq, h0, params, targets):\n    p = {k: tf.Variable(np.asarray(v, dtype=np.float64)) for k, v in params.items()}\n    T, m = targets.shape\n    with tf.GradientTape() as tape:\n        ys, _ = rnn_forward_tf(x_seq, h0, p)\n        Y = tf.one_hot(targets, depth=ys.shape[1], axis=1, dtype=tf.float64)\n        cost = -tf.reduce_sum(Y * tf.math.log(ys)) / (T * m)\n    grads = tape.gradient(cost, p)\n    return {"d" + k: g.numpy().astype(np.float32) for k, g in grads.items()}\n'
}
EXPECT_FAILED = {
    "rnn_grads_tape.hidden",
    "rnn_grads_tape.values",
}
