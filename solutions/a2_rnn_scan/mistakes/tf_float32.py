"""rnn_forward_tf works in float32: precision is lost."""

CELLS = {
    "rnn_forward_tf": """def rnn_forward_tf(x_seq, h0, params):
    p = {k: tf.cast(v, tf.float32) for k, v in params.items()}
    x_seq = tf.cast(x_seq, tf.float32)
    h0 = tf.cast(h0, tf.float32)
    hs = tf.scan(lambda h, x: tf.tanh(p["W_hh"] @ h + p["W_hx"] @ x + p["b_h"]), x_seq, initializer=h0)
    ys = tf.nn.softmax(tf.einsum("yh,thm->tym", p["W_yh"], hs) + p["b_y"], axis=1)
    return ys, hs
"""
}
EXPECT_FAILED = {
    "rnn_forward_tf.hidden",
    "rnn_forward_tf.unchanged",
    "rnn_forward_tf.uses_tf_scan",
    "rnn_forward_tf.values",
    "rnn_grads_tape.hidden",
    "rnn_grads_tape.unchanged",
    "rnn_grads_tape.values",
}
MESSAGE = "dtype"
