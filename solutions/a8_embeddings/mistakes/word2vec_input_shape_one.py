"""build_word2vec takes inputs of shape (batch, 1) (keras.Input(shape=(1,)), as in TensorFlow's word2vec
tutorial) instead of (batch,): the output has shape (batch, 1, 1)."""

CELLS = {
    "build_word2vec": """def build_word2vec(vocab_size, dim):
    centre = keras.Input(shape=(1,), dtype="int32")
    context = keras.Input(shape=(1,), dtype="int32")
    u = keras.layers.Embedding(vocab_size, dim, name="target")(centre)
    v = keras.layers.Embedding(vocab_size, dim, name="context")(context)
    score = keras.layers.Dot(axes=-1)([u, v])
    model = keras.Model([centre, context], score)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.BinaryCrossentropy(from_logits=True))
    return model
"""
}
EXPECT_FAILED = {"build_word2vec.hidden", "build_word2vec.structure"}
