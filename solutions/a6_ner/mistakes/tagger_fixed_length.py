"""build_tagger's Input has shape (vocab_size,) (the vocabulary size taken for the sentence length)
instead of (None,), any length."""

CELLS = {
    "build_tagger": """def build_tagger(vocab_size, n_tags, embed_dim, units, bidirectional):
    lstm = keras.layers.LSTM(units, return_sequences=True)
    model = keras.Sequential([
        keras.Input(shape=(vocab_size,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True),
        keras.layers.Bidirectional(lstm) if bidirectional else lstm,
        keras.layers.Dense(n_tags, activation="log_softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=PAD_TAG))
    return model
""",
}
EXPECT_FAILED = {"build_tagger.input"}
