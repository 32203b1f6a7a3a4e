"""The loss is compiled without ignore_class=PAD_TAG, so padded targets would count as tag 0."""

CELLS = {
    "build_tagger": "def build_tagger(vocab_size, n_tags, embed_dim, units, bidirectional):\n    lstm = keras.layers.LSTM(units, return_sequences=True)\n    model = keras.Sequential([keras.Input(shape=(None,), dtype='int32'), keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True),\n                              keras.layers.Bidirectional(lstm) if bidirectional else lstm, keras.layers.Dense(n_tags, activation='log_softmax')])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n    return model\n"
}
EXPECT_FAILED = {
    "build_tagger.bidirectional",
    "build_tagger.hidden",
    "build_tagger.masking",
    "build_tagger.structure",
    "build_tagger.training",
    "build_tagger.unidirectional_hidden",
}
MESSAGE = "ignore_class"
