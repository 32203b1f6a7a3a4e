"""log_perplexity_tf divides the batch's total negative log-likelihood by its number of real tokens:
a mean over tokens, not the mean over sequences that log_perplexity gives."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    log_probs = tf.convert_to_tensor(log_probs, dtype=tf.float64)
    targets = tf.convert_to_tensor(targets)
    picked = tf.gather(log_probs, targets, batch_dims=2)
    mask = tf.not_equal(targets, tf.cast(pad_id, targets.dtype))
    count = tf.reduce_sum(tf.cast(mask, tf.float64))
    nll = -tf.reduce_sum(tf.where(mask, picked, tf.zeros_like(picked)))
    return nll / count
"""
}
EXPECT_FAILED = {
    "log_perplexity_tf.hidden",
    "log_perplexity_tf.int32_targets",
    "log_perplexity_tf.long_sequence",
    "log_perplexity_tf.pad_id",
    "log_perplexity_tf.values",
}
