"""build_stacked_birnn leaves out keras.Input: the model it returns was never built (no weights, no parameter count)."""

CELLS = {
    "build_stacked_birnn": """def build_stacked_birnn(vocab_size, embed_dim, units, n_classes):
    model = keras.Sequential([
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True)),
        keras.layers.Bidirectional(keras.layers.SimpleRNN(units, return_sequences=True)),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model
"""
}
EXPECT_FAILED = {"build_stacked_birnn.structure", "build_stacked_birnn.hidden", "build_stacked_birnn.training"}
MESSAGE = "never built"
