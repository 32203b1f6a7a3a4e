"""predict_tags pads the caller's token list with += (a list is extended in place)."""

CELLS = {
    "predict_tags": """def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):
    n = min(len(sentence_tokens), max_len)
    sentence_tokens += [PAD_TOKEN] * max(0, max_len - len(sentence_tokens))
    ids = np.array([[vocab.get(w, UNK_ID) for w in sentence_tokens[:max_len]]])
    best = np.argmax(np.asarray(model.predict(ids, verbose=0)), axis=-1)[0]
    return [id_to_tag[int(i)] for i in best[:n]]
"""
}
EXPECT_FAILED = {"predict_tags.unchanged"}
