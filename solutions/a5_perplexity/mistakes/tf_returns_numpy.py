"""log_perplexity_tf converts to numpy and returns a Python float instead of a tensor."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    return log_perplexity(np.asarray(log_probs), np.asarray(targets), pad_id)
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
MESSAGE = "is_tensor"
