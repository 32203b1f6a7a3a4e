"""The LSTM returns only its last state (return_sequences left False)."""

CELLS = {
    "build_lstm_lm": """def build_lstm_lm(vocab_size, embed_dim, units, learning_rate):
    model = keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.LSTM(units),
        keras.layers.Dense(vocab_size, activation="log_softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model
"""
}
EXPECT_FAILED = {
    "build_lstm_lm.hidden",
    "build_lstm_lm.loss_value",
    "build_lstm_lm.structure",
    "build_lstm_lm.training",
}
