"""build_tag_vocab numbers the tags in the order they are first seen, not in sorted order."""

CELLS = {
    "build_tag_vocab": """def build_tag_vocab(tag_sequences):
    tags = list(dict.fromkeys(tag for sequence in tag_sequences for tag in sequence))
    vocab = {PAD_TOKEN: PAD_TAG}
    for i, tag in enumerate(tags):
        vocab[tag] = i + 1
    return vocab
""",
}
EXPECT_FAILED = {
    "build_tag_vocab.hidden",
    "build_tag_vocab.values",
}
