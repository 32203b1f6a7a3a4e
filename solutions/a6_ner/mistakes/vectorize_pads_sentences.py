"""vectorize pads the caller's sentences with PAD_TOKEN (sentence.extend) before looking the words up."""

CELLS = {
    "vectorize": """def vectorize(sentences, vocab, max_len):
    rows = []
    for sentence in sentences:
        sentence.extend([PAD_TOKEN] * (max_len - len(sentence)))
        rows.append([vocab.get(word, UNK_ID) for word in sentence[:max_len]])
    return np.array(rows, dtype=np.int64).reshape(len(sentences), max_len)
"""
}
EXPECT_FAILED = {"predict_tags.hidden", "predict_tags.unchanged", "predict_tags.values", "vectorize.unchanged"}
