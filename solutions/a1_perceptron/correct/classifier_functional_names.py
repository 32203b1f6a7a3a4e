"""build_classifier with the functional API (an InputLayer among the layers), tf.keras, the loss and the
optimizer by registered name (the learning rate set afterwards), Dense + Activation layers and an extra metric."""

CELLS = {
    "build_classifier": """def build_classifier(vocab_size, embed_dim, hidden_units, n_classes):
    import tensorflow as tf
    ids = tf.keras.Input(shape=(None,), dtype="int32")
    h = tf.keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim, mask_zero=True)(ids)
    h = tf.keras.layers.GlobalAveragePooling1D()(h)
    h = tf.keras.layers.Dense(hidden_units, activation=tf.nn.relu)(h)
    h = tf.keras.layers.Dense(n_classes)(h)
    probs = tf.keras.layers.Softmax()(h)
    model = tf.keras.Model(ids, probs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["acc", tf.keras.metrics.SparseTopKCategoricalAccuracy(k=2)])
    model.optimizer.learning_rate = 0.01
    return model
"""
}
