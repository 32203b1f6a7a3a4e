"""numpy throughout: np.unique for counts and tags, a lookup through np.vectorize, masked means, np.char for the
BIO prefixes, and entity_f1 from collections.Counter sums."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    words = np.array([w for s in sentences for w in s], dtype=object)
    if words.size == 0:
        return {PAD_TOKEN: PAD_ID, UNK_TOKEN: UNK_ID}
    unique, counts = np.unique(words.astype(str), return_counts=True)   # sorted by the words
    order = np.argsort(-counts, kind="stable")                        # then by decreasing count
    kept = [str(unique[i]) for i in order if counts[i] >= min_count]
    return {PAD_TOKEN: PAD_ID, UNK_TOKEN: UNK_ID, **{w: i + 2 for i, w in enumerate(kept)}}
""",
    "build_tag_vocab": """def build_tag_vocab(tag_sequences):
    flat = [t for tags in tag_sequences for t in tags]
    tags = np.unique(np.array(flat, dtype=str)) if flat else []
    vocab = {PAD_TOKEN: PAD_TAG}
    vocab.update({str(t): i + 1 for i, t in enumerate(tags)})
    return vocab
""",
    "vectorize_tags": """def vectorize_tags(tag_sequences, tag_vocab, max_len):
    out = np.zeros((len(tag_sequences), max_len), dtype=np.int64) + PAD_TAG
    for i, tags in enumerate(tag_sequences):
        n = min(len(tags), max_len)
        if n:
            out[i, :n] = np.vectorize(tag_vocab.__getitem__, otypes=[np.int64])(np.array(tags[:n], dtype=object))
    return out
""",
    "masked_accuracy": """def masked_accuracy(y_true, y_pred, pad_id):
    y_true = np.asarray(y_true)
    pred = np.asarray(y_pred)
    pred = pred.argmax(-1) if pred.ndim > y_true.ndim else pred
    real = np.ma.masked_equal(y_true, pad_id)
    if real.count() == 0:
        return 0.0
    return float(np.ma.masked_array(pred == y_true, mask=np.ma.getmaskarray(real)).mean())
""",
    "entity_f1": """from collections import Counter

def entity_f1(true_tag_seqs, pred_tag_seqs):
    hits = Counter()
    for truth, guess in zip(true_tag_seqs, pred_tag_seqs):
        t, p = set(bio_spans(truth)), set(bio_spans(guess))
        hits.update(correct=len(t & p), predicted=len(p), true=len(t))
    precision = hits["correct"] / hits["predicted"] if hits["predicted"] else 0.0
    recall = hits["correct"] / hits["true"] if hits["true"] else 0.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
""",
}
