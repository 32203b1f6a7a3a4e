"""build_tagger with the functional API, TimeDistributed(Dense(...)), tf.keras, the activation given as a
function and an extra metric; vectorize and vectorize_tags with keras.utils.pad_sequences."""

CELLS = {
    "build_tagger": """def build_tagger(vocab_size, n_tags, embed_dim, units, bidirectional):
    ids = tf.keras.Input(shape=(None,), dtype="int32")
    x = tf.keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim, mask_zero=True)(ids)
    recurrent = tf.keras.layers.LSTM(units=units, return_sequences=True)
    x = (tf.keras.layers.Bidirectional(recurrent) if bidirectional else recurrent)(x)
    out = tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(n_tags, activation=tf.nn.log_softmax))(x)
    model = tf.keras.Model(inputs=ids, outputs=out)
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=PAD_TAG),
                  metrics=["accuracy"])
    return model
""",
    "vectorize": """def vectorize(sentences, vocab, max_len):
    ids = [[vocab.get(w, UNK_ID) for w in s] for s in sentences]
    return keras.utils.pad_sequences(ids, maxlen=max_len, padding="post", truncating="post", value=PAD_ID, dtype="int64")
""",
    "vectorize_tags": """def vectorize_tags(tag_sequences, tag_vocab, max_len):
    ids = [[tag_vocab[t] for t in tags] for tags in tag_sequences]
    return keras.utils.pad_sequences(ids, maxlen=max_len, padding="post", truncating="post", value=PAD_TAG, dtype="int64")
""",
}
