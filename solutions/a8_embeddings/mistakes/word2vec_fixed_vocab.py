"""build_word2vec hard-codes the vocabulary size of the public check (23) instead of using vocab_size."""

CELLS = {
    "build_word2vec": """def build_word2vec(vocab_size, dim):
    centre = keras.Input(shape=(), dtype="int32")
    context = keras.Input(shape=(), dtype="int32")
    u = keras.layers.Embedding(23, dim, name="target")(centre)
    v = keras.layers.Embedding(23, dim, name="context")(context)
    model = keras.Model([centre, context], keras.layers.Dot(axes=-1)([u, v]))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.BinaryCrossentropy(from_logits=True))
    return model
"""
}
EXPECT_FAILED = {"build_word2vec.hidden", "build_word2vec.names"}
