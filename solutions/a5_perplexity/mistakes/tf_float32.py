"""log_perplexity_tf casts the log-probabilities to float32: the result loses precision."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    log_probs = tf.cast(log_probs, tf.float32)
    picked = tf.gather(log_probs, targets, batch_dims=2)
    mask = tf.not_equal(targets, pad_id)
    counts = tf.reduce_sum(tf.cast(mask, tf.float32), axis=1)
    nll = -tf.reduce_sum(tf.where(mask, picked, tf.zeros_like(picked)), axis=1)
    keep = counts > 0
    return tf.reduce_mean(tf.boolean_mask(nll, keep) / tf.boolean_mask(counts, keep))
"""
}
EXPECT_FAILED = {
    "log_perplexity_tf.all_padding_batch",
    "log_perplexity_tf.hidden",
    "log_perplexity_tf.int32_targets",
    "log_perplexity_tf.long_sequence",
    "log_perplexity_tf.pad_id",
    "log_perplexity_tf.unchanged",
    "log_perplexity_tf.values",
}
MESSAGE = "dtype"
