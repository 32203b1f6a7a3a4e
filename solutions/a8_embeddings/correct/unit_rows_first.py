"""Unit rows computed once with np.linalg.norm and a safe divide by np.maximum, neighbours as the analogy
machinery with one query word (argsort on a structured array for the ties), and the classifier as
Sequential with the matrix given through a Constant initialiser built from a list."""

CELLS = {
    "cosine_similarity": """def cosine_similarity(A, B):
    def unit(M):
        n = np.linalg.norm(M, axis=-1, keepdims=True)
        return np.where(n > 0, M / np.maximum(n, 1e-300), 0.0)
    return (unit(A) @ unit(B).T).astype(np.float64)
""",
    "nearest_neighbours": """def nearest_neighbours(vectors, words, query, k):
    if query not in set(words):
        raise KeyError(query)
    q = words.index(query)
    sims = cosine_similarity(vectors, vectors[q:q + 1])[:, 0]
    rec = np.array([(-s, w) for s, w in zip(sims, words)], dtype=[("s", float), ("w", "U64")])
    order = np.argsort(rec, order=("s", "w"))
    return [words[i] for i in order if words[i] != query][:k]
""",
    "build_classifier": """def build_classifier(embedding_matrix, trainable):
    model = keras.Sequential()
    model.add(keras.Input(shape=(None,), dtype="int32"))
    model.add(keras.layers.Embedding(
        input_dim=embedding_matrix.shape[0], output_dim=embedding_matrix.shape[1], mask_zero=True,
        embeddings_initializer=keras.initializers.Constant(np.array(embedding_matrix).tolist()), trainable=trainable))
    model.add(keras.layers.GlobalAveragePooling1D())
    model.add(keras.layers.Dense(units=1, activation=keras.activations.sigmoid))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-2), loss=keras.losses.BinaryCrossentropy(), metrics=["accuracy"])
    return model
""",
}
