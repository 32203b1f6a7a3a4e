"""build_classifier's Input has the default float32 dtype instead of int32 (the Embedding casts the
ids, so the outputs are the same)."""

CELLS = {
    "build_classifier": 'def build_classifier(vocab_size, embed_dim, hidden_units, n_classes):\n    model = keras.Sequential([\n        keras.Input(shape=(None,)),\n        keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True),\n        keras.layers.GlobalAveragePooling1D(),\n        keras.layers.Dense(hidden_units, activation="relu"),\n        keras.layers.Dense(n_classes, activation="softmax"),\n    ])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),\n                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])\n    return model\n'
}
EXPECT_FAILED = {
    "build_classifier.input",
}
