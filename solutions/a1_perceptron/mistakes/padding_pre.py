"""texts_to_ids pads at the start ('pre') instead of the end."""

CELLS = {
    "texts_to_ids": "def texts_to_ids(texts, vocab, max_len):\n    out = np.zeros((len(texts), max_len), dtype=np.int64)\n    for i, text in enumerate(texts):\n        ids = [vocab.get(t, 1) for t in tokenize(text)][:max_len]\n        if ids:\n            out[i, max_len - len(ids):] = ids\n    return out\n"
}
EXPECT_FAILED = {"texts_to_ids.values"}
MESSAGE = "values differ"
