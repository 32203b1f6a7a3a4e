"""rnn_forward_tf returns numpy arrays (.numpy()) instead of tf.Tensor: the tape can no longer
differentiate through it."""

CELLS = {
    "rnn_forward_tf": 'def rnn_forward_tf(x_seq, h0, params):\n    p = {k: tf.convert_to_tensor(v, dtype=tf.float64) for k, v in params.items()}\n    x_seq = tf.convert_to_tensor(x_seq, dtype=tf.float64)\n    h0 = tf.convert_to_tensor(h0, dtype=tf.float64)\n    hs = tf.scan(lambda h, x: tf.tanh(p["W_hh"] @ h + p["W_hx"] @ x + p["b_h"]), x_seq, initializer=h0)\n    ys = tf.nn.softmax(tf.einsum("yh,thm->tym", p["W_yh"], hs) + p["b_y"], axis=1)\n    return ys.numpy(), hs.numpy()\n'
}
EXPECT_FAILED = {
    "rnn_forward_tf.hidden",
    "rnn_forward_tf.values",
    "rnn_grads_tape.hidden",
    "rnn_grads_tape.values",
}
