"""log_perplexity_tf builds the mask by casting the targets to bool: right only when the pad id is 0."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    log_probs = tf.convert_to_tensor(log_probs, dtype=tf.float64)
    picked = tf.gather(log_probs, targets, batch_dims=2)
    mask = tf.cast(targets, tf.bool)
    counts = tf.reduce_sum(tf.cast(mask, tf.float64), axis=1)
    nll = -tf.reduce_sum(tf.where(mask, picked, tf.zeros_like(picked)), axis=1)
    keep = counts > 0
    return tf.reduce_mean(tf.boolean_mask(nll, keep) / tf.boolean_mask(counts, keep))
"""
}
EXPECT_FAILED = {"log_perplexity_tf.pad_id", "log_perplexity_tf.int32_targets"}
