"""The output Dense layer has a softmax activation instead of log_softmax (the loss still reads its
outputs as logits)."""

CELLS = {
    "build_lstm_lm": """def build_lstm_lm(vocab_size, embed_dim, units, learning_rate):
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.LSTM(units, return_sequences=True),
        keras.layers.Dense(vocab_size, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model
"""
}
EXPECT_FAILED = {"build_lstm_lm.hidden", "build_lstm_lm.structure"}
