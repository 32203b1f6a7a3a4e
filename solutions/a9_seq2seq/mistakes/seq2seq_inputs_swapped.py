"""build_seq2seq takes its inputs as [decoder inputs, source ids], where the docstring says source
ids first."""

CELLS = {
    "build_seq2seq": """def build_seq2seq(source_vocab, target_vocab, embed_dim, units):
    source = keras.Input(shape=(None,), dtype="int32")
    decoder_inputs = keras.Input(shape=(None,), dtype="int32")
    embedded = keras.layers.Embedding(source_vocab, embed_dim, mask_zero=True)(source)
    encoder_outputs, state = keras.layers.GRU(units, return_sequences=True, return_state=True)(embedded)
    decoder_embedded = keras.layers.Embedding(target_vocab, embed_dim, mask_zero=True)(decoder_inputs)
    decoder_outputs = keras.layers.GRU(units, return_sequences=True)(decoder_embedded, initial_state=state)
    context, _ = keras.layers.Attention(name="attention")([decoder_outputs, encoder_outputs], return_attention_scores=True)
    hidden = keras.layers.Concatenate()([decoder_outputs, context])
    probs = keras.layers.Dense(target_vocab, activation="softmax")(hidden)
    model = keras.Model([decoder_inputs, source], probs)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.SparseCategoricalCrossentropy())
    return model
"""
}
EXPECT_FAILED = {"build_seq2seq.hidden", "build_seq2seq.structure"}
