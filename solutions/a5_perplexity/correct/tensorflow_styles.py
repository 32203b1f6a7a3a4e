"""log_perplexity_tf through keras's registered sparse_categorical_crossentropy (from_logits on log-probabilities)
and a weighted mean; the numpy functions through np.nanmean."""

CELLS = {
    "log_perplexity_tf": """def log_perplexity_tf(log_probs, targets, pad_id=0):
    log_probs = tf.cast(log_probs, tf.float64)
    targets = tf.cast(targets, tf.int64)
    loss = keras.losses.get("sparse_categorical_crossentropy")
    nll = loss(targets, log_probs, from_logits=True)          # -log_softmax(log_probs)[target] = -log p
    real = tf.cast(targets != pad_id, tf.float64)
    counts = tf.reduce_sum(real, axis=1)
    per_sequence = tf.math.divide_no_nan(tf.reduce_sum(nll * real, axis=1), counts)
    has_tokens = tf.cast(counts > 0, tf.float64)
    return tf.reduce_sum(per_sequence * has_tokens) / tf.reduce_sum(has_tokens)
""",
    "log_perplexity": """def log_perplexity(log_probs, targets, pad_id=0):
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1).squeeze(-1)
    nll = np.where(targets == pad_id, np.nan, -picked)
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            per_sequence = np.nanmean(nll, axis=1)
            return float(np.nanmean(per_sequence))
""",
}
