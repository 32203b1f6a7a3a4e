"""The output Dense layer has no activation: the model outputs raw scores, not log-probabilities."""

CELLS = {
    "build_char_lm": """def build_char_lm(vocab_size, embed_dim, units):
    return keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.GRU(units, return_sequences=True),
        keras.layers.Dense(vocab_size),
    ])
"""
}
EXPECT_FAILED = {"build_char_lm.structure", "build_char_lm.log_probs", "build_char_lm.hidden"}
MESSAGE = "log_softmax"
