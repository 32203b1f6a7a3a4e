"""The classifier's last layer has no softmax (it outputs logits) but the loss expects probabilities."""

CELLS = {
    "build_classifier": "def build_classifier(vocab_size, embed_dim, hidden_units, n_classes):\n    model = keras.Sequential([keras.Input(shape=(None,), dtype='int32'), keras.layers.Embedding(vocab_size, embed_dim, mask_zero=True), keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(hidden_units, activation='relu'), keras.layers.Dense(n_classes)])\n    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy(), metrics=['accuracy'])\n    return model\n"
}
EXPECT_FAILED = {"build_classifier.structure", "build_classifier.hidden"}
MESSAGE = "activation"
