"""build_vocab numbers the words from 1, so the most frequent word collides with the unknown id."""

CELLS = {
    "build_vocab": "def build_vocab(sentences, min_count):\n    counts = Counter(w for s in sentences for w in s)\n    kept = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))\n    vocab = {PAD_TOKEN: 0, UNK_TOKEN: 1}\n    for i, w in enumerate(kept):\n        vocab[w] = i + 1\n    return vocab\n"
}
EXPECT_FAILED = {
    "build_vocab.hidden",
    "build_vocab.min_count_one",
    "build_vocab.ties_case",
    "build_vocab.unchanged",
    "build_vocab.values",
}
MESSAGE = "values differ"
