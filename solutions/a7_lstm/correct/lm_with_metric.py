"""build_lstm_lm compiled with an accuracy metric as well (the release does not forbid one)."""

CELLS = {
    "build_lstm_lm": """def build_lstm_lm(vocab_size, embed_dim, units, learning_rate):
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.LSTM(units, return_sequences=True),
        keras.layers.Dense(vocab_size, activation="log_softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model
"""
}
