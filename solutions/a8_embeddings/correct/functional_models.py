"""Keras written another way: build_word2vec as a functional model with Flatten + Dot on 2-D vectors
and the loss/optimizer by name then learning rate set; build_classifier functional with the matrix
copied in by set_weights and trainable set on the layer afterwards; PCA through np.cov and eigh."""

CELLS = {
    "build_word2vec": """def build_word2vec(vocab_size, dim):
    import tensorflow as tf
    c_in = tf.keras.Input(shape=(), dtype="int32", name="centres")
    x_in = tf.keras.Input(shape=(), dtype="int32", name="contexts")
    target = tf.keras.layers.Embedding(input_dim=vocab_size, output_dim=dim, name="target")
    context = tf.keras.layers.Embedding(input_dim=vocab_size, output_dim=dim, name="context")
    logit = tf.keras.layers.Dot(axes=1)([target(c_in), context(x_in)])
    model = tf.keras.Model(inputs=[c_in, x_in], outputs=logit)
    model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True))
    model.optimizer.learning_rate = 0.01
    return model
""",
    "build_classifier": """def build_classifier(embedding_matrix, trainable):
    V, d = embedding_matrix.shape
    ids = keras.Input(shape=(None,), dtype="int32")
    embed = keras.layers.Embedding(V, d, mask_zero=True)
    h = keras.layers.GlobalAveragePooling1D()(embed(ids))
    out = keras.layers.Dense(1)(h)
    out = keras.layers.Activation("sigmoid")(out)
    model = keras.Model(ids, out)
    embed.set_weights([np.asarray(embedding_matrix)])
    embed.trainable = bool(trainable)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["acc"])
    return model
""",
    "pca_2d": """def pca_2d(X):
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    top = vectors[:, ::-1][:, :2]
    for j in range(2):
        if top[np.argmax(np.abs(top[:, j])), j] < 0:
            top[:, j] = -top[:, j]
    return (X - X.mean(0)) @ top
""",
}
