"""predict_tags feeds the model a 1-D array of shape (max_len,) without the batch dimension."""

CELLS = {
    "predict_tags": "def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):\n    ids = vectorize([sentence_tokens], vocab, max_len)[0]\n    scores = np.asarray(model.predict(ids, verbose=0))\n    best = np.argmax(scores, axis=-1)\n    return [id_to_tag[int(i)] for i in best[:len(sentence_tokens)]]\n"
}
EXPECT_FAILED = {"predict_tags.hidden", "predict_tags.long_sentence", "predict_tags.unchanged", "predict_tags.values"}
MESSAGE = "incompatible shape"
