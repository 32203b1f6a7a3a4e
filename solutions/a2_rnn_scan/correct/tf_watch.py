"""rnn_forward_tf with tf.linalg.matmul and an explicit softmax; rnn_grads_tape watching constant tensors."""

CELLS = {
    "rnn_forward_tf": """def rnn_forward_tf(x_seq, h0, params):
    W_hh, W_hx, b_h, W_yh, b_y = (tf.cast(params[k], tf.float64) for k in ("W_hh", "W_hx", "b_h", "W_yh", "b_y"))
    def step(h, x):
        return tf.tanh(tf.linalg.matmul(W_hh, h) + tf.linalg.matmul(W_hx, x) + b_h)
    hs = tf.scan(step, tf.cast(x_seq, tf.float64), initializer=tf.cast(h0, tf.float64))
    z = tf.linalg.matmul(tf.broadcast_to(W_yh, [hs.shape[0], *W_yh.shape]), hs) + b_y
    e = tf.exp(z - tf.reduce_max(z, axis=1, keepdims=True))
    return e / tf.reduce_sum(e, axis=1, keepdims=True), hs
""",
    "rnn_grads_tape": """def rnn_grads_tape(x_seq, h0, params, targets):
    names = ("W_hh", "W_hx", "b_h", "W_yh", "b_y")
    p = {k: tf.constant(np.asarray(params[k], dtype=np.float64)) for k in names}
    with tf.GradientTape() as tape:
        for k in names:
            tape.watch(p[k])
        ys, _ = rnn_forward_tf(x_seq, h0, p)
        picked = tf.gather(tf.transpose(ys, [0, 2, 1]), targets, batch_dims=2)
        cost = -tf.reduce_mean(tf.math.log(picked))
    grads = tape.gradient(cost, [p[k] for k in names])
    return {"d" + k: g.numpy() for k, g in zip(names, grads)}
""",
}
