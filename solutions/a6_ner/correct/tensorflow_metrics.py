"""masked_accuracy through TensorFlow ops, build_tagger with model.add and keras.layers.Activation after a linear
Dense, and predict_tags through predict_on_batch."""

CELLS = {
    "masked_accuracy": """def masked_accuracy(y_true, y_pred, pad_id):
    y_true = tf.convert_to_tensor(y_true)
    y_pred = tf.convert_to_tensor(y_pred)
    if len(y_pred.shape) == len(y_true.shape) + 1:
        y_pred = tf.argmax(y_pred, axis=-1, output_type=y_true.dtype)
    mask = tf.not_equal(y_true, tf.cast(pad_id, y_true.dtype))
    right = tf.logical_and(tf.equal(tf.cast(y_pred, y_true.dtype), y_true), mask)
    total = tf.reduce_sum(tf.cast(mask, tf.float64))
    return float(tf.math.divide_no_nan(tf.reduce_sum(tf.cast(right, tf.float64)), total))
""",
    "build_tagger": """def build_tagger(vocab_size, n_tags, embed_dim, units, bidirectional):
    model = keras.Sequential()
    model.add(keras.Input(shape=(None,), dtype="int32"))
    model.add(keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True))
    if bidirectional:
        model.add(keras.layers.Bidirectional(keras.layers.LSTM(units, return_sequences=True)))
    else:
        model.add(keras.layers.LSTM(units, return_sequences=True))
    model.add(keras.layers.Dense(n_tags))
    model.add(keras.layers.Activation("log_softmax"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=PAD_TAG))
    return model
""",
    "predict_tags": """def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):
    ids = vectorize([sentence_tokens], vocab, max_len)
    best = np.asarray(model.predict_on_batch(ids)).argmax(axis=-1)[0]
    return [id_to_tag[int(i)] for i in best[: min(len(sentence_tokens), max_len)]]
""",
}
