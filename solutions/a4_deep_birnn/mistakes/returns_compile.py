"""build_stacked_birnn returns model.compile(...), which is None, instead of the compiled model."""

CELLS = {
    "build_stacked_birnn": """def build_stacked_birnn(vocab_size, embed_dim, units, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True)),
        keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True)),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
    return model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                         loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
"""
}
EXPECT_FAILED = {"build_stacked_birnn.structure", "build_stacked_birnn.hidden", "build_stacked_birnn.training"}
MESSAGE = "returned None"
