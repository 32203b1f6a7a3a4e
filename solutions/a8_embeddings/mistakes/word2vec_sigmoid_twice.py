"""build_word2vec puts a sigmoid on the score and still compiles with from_logits=True (the sigmoid is applied twice)."""

CELLS = {
    "build_word2vec": """def build_word2vec(vocab_size, dim):
    centre = keras.Input(shape=(), dtype="int32")
    context = keras.Input(shape=(), dtype="int32")
    u = keras.layers.Embedding(vocab_size, dim, name="target")(centre)
    v = keras.layers.Embedding(vocab_size, dim, name="context")(context)
    score = keras.layers.Activation("sigmoid")(keras.layers.Dot(axes=-1)([u, v]))
    model = keras.Model([centre, context], score)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.BinaryCrossentropy(from_logits=True))
    return model
"""
}
EXPECT_FAILED = {"build_word2vec.structure", "build_word2vec.hidden", "build_word2vec.training", "build_word2vec.names"}
