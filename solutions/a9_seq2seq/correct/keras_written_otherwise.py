"""build_seq2seq written another way: tf.keras, the layers created before they are called, the loss
and optimizer given by name (learning rate set afterwards), Dense + Activation("softmax"),
Attention's defaults spelled out."""

CELLS = {
    "build_seq2seq": """def build_seq2seq(source_vocab, target_vocab, embed_dim, units):
    import tensorflow as tf
    L = tf.keras.layers
    src_embed = L.Embedding(input_dim=source_vocab, output_dim=embed_dim, mask_zero=True)
    tgt_embed = L.Embedding(input_dim=target_vocab, output_dim=embed_dim, mask_zero=True)
    encoder = L.GRU(units, return_sequences=True, return_state=True)
    decoder = L.GRU(units, return_sequences=True)
    attention = L.Attention(use_scale=False, score_mode="dot", name="attention")
    project = L.Dense(target_vocab)
    src = tf.keras.Input(shape=(None,), dtype="int32", name="source")
    dec = tf.keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
    enc_seq, enc_state = encoder(src_embed(src))
    dec_seq = decoder(tgt_embed(dec), initial_state=[enc_state])
    ctx, scores = attention([dec_seq, enc_seq], return_attention_scores=True)
    out = L.Activation("softmax")(project(L.Concatenate(axis=-1)([dec_seq, ctx])))
    model = tf.keras.Model(inputs=[src, dec], outputs=out)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.optimizer.learning_rate = 0.01
    return model
""",
}
