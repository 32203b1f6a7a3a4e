"""build_stacked_birnn through tf.keras with TimeDistributed(Dense(...)), the activation and optimizer as
objects resolved by name (keras.activations.get, keras.optimizers.get), and model.add one layer at a time."""

CELLS = {
    "build_stacked_birnn": """def build_stacked_birnn(vocab_size, embed_dim, units, n_classes):
    layers = tf.keras.layers
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(None,), dtype="int32"))
    model.add(layers.Embedding(input_dim=vocab_size, output_dim=embed_dim))
    for _ in range(2):
        model.add(layers.Bidirectional(layers.SimpleRNN(units=units, return_sequences=True)))
    model.add(layers.TimeDistributed(layers.Dense(n_classes, activation=tf.keras.activations.get("softmax"))))
    optimizer = tf.keras.optimizers.get({"class_name": "adam", "config": {"learning_rate": 0.01}})
    model.compile(optimizer=optimizer, loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  metrics=["accuracy"])
    return model
""",
}
