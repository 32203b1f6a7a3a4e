"""build_char_lm with the functional API and TimeDistributed(Dense(..., activation=tf.nn.log_softmax));
compile_char_lm with the loss as a function bound to from_logits=True and the optimizer from its config."""

CELLS = {
    "build_char_lm": """def build_char_lm(vocab_size, embed_dim, units):
    import tensorflow as tf
    ids = keras.Input(shape=(None,), dtype="int32")
    h = keras.layers.Embedding(vocab_size, embed_dim)(ids)
    h = keras.layers.GRU(units, return_sequences=True)(h)
    out = keras.layers.TimeDistributed(keras.layers.Dense(vocab_size, activation=tf.nn.log_softmax))(h)
    return keras.Model(inputs=ids, outputs=out)
""",
    "compile_char_lm": """def compile_char_lm(model, learning_rate):
    optimizer = keras.optimizers.get({"class_name": "Adam", "config": {"learning_rate": learning_rate}})
    model.compile(optimizer=optimizer, loss=keras.losses.SparseCategoricalCrossentropy(True))
    return model
""",
}
