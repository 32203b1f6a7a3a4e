"""build_char_lm leaves out keras.Input, so the returned model has no weights until it is first called."""

CELLS = {
    "build_char_lm": """def build_char_lm(vocab_size, embed_dim, units):
    return keras.Sequential([
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.GRU(units, return_sequences=True),
        keras.layers.Dense(vocab_size, activation="log_softmax"),
    ])
"""
}
EXPECT_FAILED = {"build_char_lm.structure", "build_char_lm.hidden"}
MESSAGE = "never built"
