"""vectorize fills an np.zeros array of the default dtype: the ids come back as float64, not integers."""

CELLS = {
    "vectorize": """def vectorize(sentences, vocab, max_len):
    ids = np.zeros((len(sentences), max_len))
    for i, sentence in enumerate(sentences):
        row = [vocab.get(word, UNK_ID) for word in sentence[:max_len]]
        ids[i, :len(row)] = row
    return ids
""",
}
EXPECT_FAILED = {
    "vectorize.exact_length",
    "vectorize.hidden",
    "vectorize.no_truncation",
    "vectorize.values",
}
