"""build_classifier ignores embedding_matrix's values: the Embedding starts from random weights."""

CELLS = {
    "build_classifier": """def build_classifier(embedding_matrix, trainable):
    vocab_size, dim = embedding_matrix.shape
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, dim, mask_zero=True, trainable=trainable),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
    return model
"""
}
EXPECT_FAILED = {"build_classifier.frozen", "build_classifier.fine_tuned"}
