"""build_classifier puts the hidden Dense layer before the pooling (Embedding, Dense, pooling, Dense)."""

CELLS = {
    "build_classifier": 'def build_classifier(vocab_size, embed_dim, hidden_units, n_classes):\n    model = keras.Sequential([\n        keras.Input(shape=(None,), dtype="int32"),\n        keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True),\n        keras.layers.Dense(hidden_units, activation="relu"),\n        keras.layers.GlobalAveragePooling1D(),\n        keras.layers.Dense(n_classes, activation="softmax"),\n    ])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),\n                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])\n    return model\n'
}
EXPECT_FAILED = {
    "build_classifier.hidden",
    "build_classifier.structure",
}
