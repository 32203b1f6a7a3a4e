"""build_vocab replaces the rare words of the caller's sentences by UNK_TOKEN in place (right vocabulary, corpus changed)."""

CELLS = {
    "build_vocab": """def build_vocab(sentences, min_count):
    counts = Counter(word for sentence in sentences for word in sentence)
    for sentence in sentences:
        for i, word in enumerate(sentence):
            if counts[word] < min_count:
                sentence[i] = UNK_TOKEN
    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    vocab = {PAD_TOKEN: PAD_ID, UNK_TOKEN: UNK_ID}
    for i, word in enumerate(kept):
        vocab[word] = i + 2
    return vocab
"""
}
EXPECT_FAILED = {"build_vocab.unchanged"}
