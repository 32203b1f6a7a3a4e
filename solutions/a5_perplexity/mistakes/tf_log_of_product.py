"""log_perplexity_tf multiplies the probabilities (tf.reduce_prod) and takes the log: underflow on long sequences."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    log_probs = tf.convert_to_tensor(log_probs, dtype=tf.float64)
    targets = tf.convert_to_tensor(targets)
    picked = tf.gather(log_probs, targets, batch_dims=2)
    mask = tf.not_equal(targets, tf.cast(pad_id, targets.dtype))
    counts = tf.reduce_sum(tf.cast(mask, tf.float64), axis=1)
    nll = -tf.math.log(tf.reduce_prod(tf.where(mask, tf.exp(picked), tf.ones_like(picked)), axis=1))
    keep = counts > 0
    return tf.reduce_mean(tf.boolean_mask(nll, keep) / tf.boolean_mask(counts, keep))
"""
}
EXPECT_FAILED = {"log_perplexity_tf.long_sequence"}
