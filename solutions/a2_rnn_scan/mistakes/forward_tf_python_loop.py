"""rnn_forward_tf as a Python loop over time with tf.stack instead of tf.scan."""

CELLS = {
    "rnn_forward_tf": """def rnn_forward_tf(x_seq, h0, params):
    p = {k: tf.convert_to_tensor(v, dtype=tf.float64) for k, v in params.items()}
    h = tf.convert_to_tensor(h0, dtype=tf.float64)
    hs = []
    for t in range(x_seq.shape[0]):
        h = tf.tanh(p["W_hh"] @ h + p["W_hx"] @ tf.convert_to_tensor(x_seq[t], dtype=tf.float64) + p["b_h"])
        hs.append(h)
    hs = tf.stack(hs)
    ys = tf.nn.softmax(tf.einsum("yh,thm->tym", p["W_yh"], hs) + p["b_y"], axis=1)
    return ys, hs
"""
}
EXPECT_FAILED = {"rnn_forward_tf.uses_tf_scan"}
MESSAGE = "the docstring requires tf.scan"
