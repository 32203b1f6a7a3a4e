"""build_vocabulary keeps max_size tokens besides the two reserved ids (max_size + 2 ids in all)."""

CELLS = {
    "build_vocabulary": 'def build_vocabulary(texts, max_size):\n    counts = {}\n    for text in texts:\n        for token in tokenize(text):\n            counts[token] = counts.get(token, 0) + 1\n    ranked = sorted(counts, key=lambda t: (-counts[t], t))[:max_size]\n    vocab = {"<pad>": 0, "<unk>": 1}\n    for i, token in enumerate(ranked):\n        vocab[token] = i + 2\n    return vocab\n'
}
EXPECT_FAILED = {
    "build_vocabulary.hidden",
    "build_vocabulary.values",
}
