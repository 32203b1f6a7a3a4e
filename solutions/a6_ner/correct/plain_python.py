"""Plain Python: dict counting and sorted items, padded lists, loops for the accuracy, a while loop over the
BIO tags, and the model called directly (model(ids)) instead of model.predict."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    counts = {}
    for sentence in sentences:
        for word in sentence:
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    vocab = {PAD_TOKEN: 0, UNK_TOKEN: 1}
    for word, count in ranked:
        if count >= min_count:
            vocab[word] = len(vocab)
    return vocab
""",
    "build_tag_vocab": """def build_tag_vocab(tag_sequences):
    seen = set()
    for tags in tag_sequences:
        seen.update(tags)
    return {PAD_TOKEN: PAD_TAG, **{tag: i for i, tag in enumerate(sorted(seen), start=1)}}
""",
    "vectorize": """def vectorize(sentences, vocab, max_len):
    rows = []
    for sentence in sentences:
        row = [vocab[w] if w in vocab else UNK_ID for w in sentence][:max_len]
        rows.append(row + [PAD_ID] * (max_len - len(row)))
    return np.array(rows, dtype=np.int64).reshape(len(sentences), max_len)
""",
    "masked_accuracy": """def masked_accuracy(y_true, y_pred, pad_id):
    y_pred = np.asarray(y_pred)
    if y_pred.ndim == 3:
        y_pred = y_pred.argmax(axis=2)
    right = total = 0
    for true_row, pred_row in zip(np.asarray(y_true).tolist(), y_pred.tolist()):
        for t, p in zip(true_row, pred_row):
            if t != pad_id:
                total += 1
                right += int(t == p)
    return right / total if total else 0.0
""",
    "predict_tags": """def predict_tags(model, sentence_tokens, vocab, id_to_tag, max_len):
    ids = vectorize([list(sentence_tokens)], vocab, max_len).astype("int32")
    scores = keras.ops.convert_to_numpy(model(ids, training=False))
    words = sentence_tokens[:max_len]
    return [id_to_tag[int(scores[0, t].argmax())] for t in range(len(words))]
""",
    "bio_spans": """def bio_spans(tags):
    spans, i, n = [], 0, len(tags)
    while i < n:
        if tags[i][:2] in ("B-", "I-"):
            kind = tags[i][2:]
            j = i + 1
            while j < n and tags[j] == "I-" + kind:
                j += 1
            spans.append((kind, i, j))
            i = j
        else:
            i += 1
    return spans
""",
}
