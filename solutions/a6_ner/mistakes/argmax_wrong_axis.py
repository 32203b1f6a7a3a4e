"""predict_tags takes the argmax over the time axis instead of the tag axis."""

CELLS = {
    "predict_tags": "def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):\n    ids = vectorize([sentence_tokens], vocab, max_len)\n    scores = np.asarray(model.predict(ids, verbose=0))\n    best = np.argmax(scores, axis=1)[0]\n    return [id_to_tag[int(i)] for i in best[:min(len(sentence_tokens), max_len)]]\n"
}
EXPECT_FAILED = {"predict_tags.hidden", "predict_tags.long_sentence", "predict_tags.unchanged", "predict_tags.values"}
MESSAGE = "IndexError"
