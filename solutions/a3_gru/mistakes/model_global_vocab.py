"""build_char_lm sizes the model with the notebook's vocabulary (a global variable) instead of vocab_size."""

CELLS = {
    "build_char_lm": """VOCAB_SIZE = 61

def build_char_lm(vocab_size, embed_dim, units):
    return keras.Sequential([
        keras.Input(shape=(None,), dtype="int32"),
        keras.layers.Embedding(VOCAB_SIZE, embed_dim),
        keras.layers.GRU(units, return_sequences=True),
        keras.layers.Dense(VOCAB_SIZE, activation="log_softmax"),
    ])
"""
}
EXPECT_FAILED = {"build_char_lm.structure", "build_char_lm.log_probs", "build_char_lm.hidden"}
