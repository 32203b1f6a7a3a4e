"""build_vocab numbers the words from 2 but leaves PAD_TOKEN and UNK_TOKEN out of the dict."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    counts = Counter(word for sentence in sentences for word in sentence)
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    vocab = {}
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
