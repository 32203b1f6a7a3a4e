"""build_vocab breaks ties case-insensitively (w.lower()) instead of in Python's string order."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    counts = Counter(word for sentence in sentences for word in sentence)
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w.lower()))
    vocab = {PAD_TOKEN: PAD_ID, UNK_TOKEN: UNK_ID}
    for i, word in enumerate(kept):
        vocab[word] = i + 2
    return vocab
"""
}
# build_vocab.hidden fails it on 12 of its 16 hidden variants (ties of mixed case on that input); this code's is one
EXPECT_FAILED = {
    "build_vocab.min_count_one",
    "build_vocab.ties_case",
    "build_vocab.unchanged",
    "build_vocab.values",
    "build_vocab.hidden",
}
