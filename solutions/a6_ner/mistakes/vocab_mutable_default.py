"""build_vocab fills a dict that is a default argument, so it keeps the words of every earlier call
(the classic mutable default): the first call is right, the next is not (contract: repeatable)."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count, _vocab={}):
    counts = Counter(word for sentence in sentences for word in sentence)
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    _vocab.setdefault(PAD_TOKEN, PAD_ID)
    _vocab.setdefault(UNK_TOKEN, UNK_ID)
    for word in kept:
        _vocab.setdefault(word, len(_vocab))
    return _vocab
"""
}
EXPECT_FAILED = {"build_vocab.min_count_one", "build_vocab.repeatable", "build_vocab.ties_case"}
