"""vectorize pads at the start ('pre') instead of the end."""

CELLS = {
    "vectorize": "def vectorize(sentences, vocab, max_len):\n    ids = np.zeros((len(sentences), max_len), dtype=np.int64)\n    for i, sentence in enumerate(sentences):\n        row = [vocab.get(w, UNK_ID) for w in sentence[:max_len]]\n        if row:\n            ids[i, max_len - len(row):] = row\n    return ids\n"
}
EXPECT_FAILED = {
    "predict_tags.hidden",
    "predict_tags.unchanged",
    "predict_tags.values",
    "vectorize.exact_length",
    "vectorize.hidden",
    "vectorize.no_truncation",
    "vectorize.unchanged",
    "vectorize.values",
}
MESSAGE = "values differ"
