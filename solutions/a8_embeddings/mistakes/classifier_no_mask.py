"""build_classifier's Embedding has no mask_zero=True: the average runs over the padding too."""

CELLS = {
    "build_classifier": """def build_classifier(embedding_matrix, trainable):
    vocab_size, dim = embedding_matrix.shape
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, dim, embeddings_initializer=keras.initializers.Constant(embedding_matrix),
                               trainable=trainable),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.BinaryCrossentropy(),
                  metrics=["accuracy"])
    return model
"""
}
EXPECT_FAILED = {"build_classifier.hidden", "build_classifier.structure"}
