"""make_lm_pairs and batch_pairs with loops; build_char_lm with tf.keras and model.add; compile_char_lm by
registered optimizer name (learning rate set afterwards) and a loss object; sample_text through logsumexp."""

CELLS = {
    "make_lm_pairs": """def make_lm_pairs(ids, seq_len):
    n = (len(ids) - 1) // seq_len
    inputs = np.array([[ids[i * seq_len + t] for t in range(seq_len)] for i in range(n)], dtype=np.asarray(ids).dtype).reshape(n, seq_len)
    targets = np.array([[ids[i * seq_len + t + 1] for t in range(seq_len)] for i in range(n)], dtype=np.asarray(ids).dtype).reshape(n, seq_len)
    return inputs, targets
""",
    "batch_pairs": """def batch_pairs(inputs, targets, batch_size, seed):
    order = np.random.default_rng(seed).permutation(len(inputs))
    batches = []
    for start in range(0, len(order) - batch_size + 1, batch_size):
        idx = order[start:start + batch_size]
        batches.append((inputs[idx], targets[idx]))
    return batches
""",
    "build_char_lm": """def build_char_lm(vocab_size, embed_dim, units):
    import tensorflow as tf
    model = tf.keras.Sequential()
    model.add(tf.keras.Input(shape=(None,), dtype="int32"))
    model.add(tf.keras.layers.Embedding(vocab_size, embed_dim))
    model.add(tf.keras.layers.GRU(units, return_sequences=True))
    model.add(tf.keras.layers.Dense(vocab_size, activation="log_softmax"))
    return model
""",
    "compile_char_lm": """def compile_char_lm(model, learning_rate):
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.optimizer.learning_rate = learning_rate
    return model
""",
    "sample_text": """def sample_text(model, char_to_id, id_to_char, seed_text, length, temperature, seed):
    rng = np.random.default_rng(seed)
    ids = [char_to_id[c] for c in seed_text]
    out = ""
    while len(out) < length:
        log_p = np.asarray(next_log_probs(model, ids), dtype=np.float64)
        if temperature == 0:
            nxt = int(log_p.argmax())
        else:
            s = log_p / temperature
            top = s.max()
            p = np.exp(s - (top + np.log(np.exp(s - top).sum())))
            nxt = int(rng.choice(len(p), p=p / p.sum()))
        ids.append(nxt)
        out += id_to_char[nxt]
    return out
""",
}
