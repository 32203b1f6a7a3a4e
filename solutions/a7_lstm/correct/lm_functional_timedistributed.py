"""build_lstm_lm with the functional API, TimeDistributed(Dense(..., activation=tf.nn.log_softmax)),
the optimizer from its config and the loss's from_logits given by position."""

CELLS = {
    "build_lstm_lm": """def build_lstm_lm(vocab_size, embed_dim, units, learning_rate):
    import tensorflow as tf
    ids = keras.Input(shape=(None,), dtype="int32")
    h = keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)(ids)
    h = keras.layers.LSTM(units=units, return_sequences=True)(h)
    out = keras.layers.TimeDistributed(keras.layers.Dense(vocab_size, activation=tf.nn.log_softmax))(h)
    model = keras.Model(inputs=ids, outputs=out)
    model.compile(optimizer=keras.optimizers.get({"class_name": "Adam", "config": {"learning_rate": learning_rate}}),
                  loss=keras.losses.SparseCategoricalCrossentropy(True))
    return model
"""
}
