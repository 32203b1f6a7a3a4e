"""The GRU returns only its last state (return_sequences missing): one prediction per window."""

CELLS = {
    "build_char_lm": """def build_char_lm(vocab_size, embed_dim, units):
    return keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(vocab_size, embed_dim),
        keras.layers.GRU(units),
        keras.layers.Dense(vocab_size, activation="log_softmax"),
    ])
"""
}
EXPECT_FAILED = {"build_char_lm.structure", "build_char_lm.log_probs", "build_char_lm.hidden", "build_char_lm.training"}
MESSAGE = "return_sequences"
