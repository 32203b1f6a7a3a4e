"""build_vocab keeps the words seen MORE than min_count times (c > min_count): those seen exactly
min_count times are left out."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    counts = Counter(word for sentence in sentences for word in sentence)
    kept = sorted((w for w, c in counts.items() if c > min_count), key=lambda w: (-counts[w], w))
    vocab = {PAD_TOKEN: PAD_ID, UNK_TOKEN: UNK_ID}
    for i, word in enumerate(kept):
        vocab[word] = i + 2
    return vocab
""",
}
EXPECT_FAILED = {
    "build_vocab.hidden",
    "build_vocab.min_count_one",
    "build_vocab.ties_case",
    "build_vocab.values",
}
