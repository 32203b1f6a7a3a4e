"""build_vocabulary numbers the words from 1, colliding with the unknown id."""

CELLS = {
    "build_vocabulary": "def build_vocabulary(texts, max_size):\n    counts = {}\n    for text in texts:\n        for token in tokenize(text):\n            counts[token] = counts.get(token, 0) + 1\n    ranked = sorted(counts, key=lambda t: (-counts[t], t))[: max_size - 2]\n    vocab = {'<pad>': 0, '<unk>': 1}\n    for i, token in enumerate(ranked):\n        vocab[token] = i + 1\n    return vocab\n"
}
EXPECT_FAILED = {"build_vocabulary.values", "build_vocabulary.hidden"}
