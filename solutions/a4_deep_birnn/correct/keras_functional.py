"""build_stacked_birnn with the functional API, the loss and metrics given by their registered names (an extra
metric too), and count_tagger_params measured by building the Keras model."""

CELLS = {
    "build_stacked_birnn": """def build_stacked_birnn(vocab_size, embed_dim, units, n_classes):
    ids = keras.Input(shape=(None,), dtype="int32")
    x = keras.layers.Embedding(vocab_size, embed_dim)(ids)
    x = keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True), merge_mode="concat")(x)
    x = keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True))(x)
    probs = keras.layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(ids, probs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy", "sparse_categorical_accuracy"])
    return model
""",
    "count_tagger_params": """def count_tagger_params(vocab_size, embed_dim, units, n_classes):
    return int(build_stacked_birnn(vocab_size, embed_dim, units, n_classes).count_params())
""",
}
