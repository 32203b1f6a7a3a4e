"""rnn_forward_tf converts its arguments with numpy's .astype: right on numpy arrays, it fails on the
float64 tensors (and variables) the docstring also allows."""

CELLS = {
    "rnn_forward_tf": 'def rnn_forward_tf(x_seq, h0, params):\n    p = {k: tf.constant(v.astype(np.float64)) for k, v in params.items()}\n    x_seq = tf.constant(x_seq.astype(np.float64))\n    h0 = tf.constant(h0.astype(np.float64))\n    hs = tf.scan(lambda h, x: tf.tanh(p["W_hh"] @ h + p["W_hx"] @ x + p["b_h"]), x_seq, initializer=h0)\n    ys = tf.nn.softmax(tf.einsum("yh,thm->tym", p["W_yh"], hs) + p["b_y"], axis=1)\n    return ys, hs\n'
}
EXPECT_FAILED = {
    "rnn_forward_tf.hidden",
    "rnn_forward_tf.values",
    "rnn_grads_tape.hidden",
    "rnn_grads_tape.values",
}
