"""predict_tags returns a tag for every padded position too (max_len tags)."""

CELLS = {
    "predict_tags": "def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):\n    ids = vectorize([sentence_tokens], vocab, max_len)\n    best = np.argmax(np.asarray(model.predict(ids, verbose=0)), axis=-1)[0]\n    return [id_to_tag[int(i)] for i in best]\n"
}
EXPECT_FAILED = {"predict_tags.hidden", "predict_tags.unchanged", "predict_tags.values"}
MESSAGE = "expected 6 items, received 9"
