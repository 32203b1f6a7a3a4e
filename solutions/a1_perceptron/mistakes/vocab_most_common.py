"""build_vocabulary with Counter.most_common: equal counts stay in order of first appearance, not
alphabetical."""

CELLS = {
    "build_vocabulary": 'from collections import Counter\n\n\ndef build_vocabulary(texts, max_size):\n    counts = Counter(token for text in texts for token in tokenize(text))\n    vocab = {"<pad>": 0, "<unk>": 1}\n    for i, (token, _) in enumerate(counts.most_common(max_size - 2)):\n        vocab[token] = i + 2\n    return vocab\n'
}
EXPECT_FAILED = {
    "build_vocabulary.hidden",
    "build_vocabulary.values",
}
