"""build_tag_vocab adds an unknown tag as id 1 (like the word vocabulary): the tags start at id 2."""

CELLS = {
    "build_tag_vocab": """def build_tag_vocab(tag_sequences):
    tags = sorted({tag for sequence in tag_sequences for tag in sequence})
    vocab = {PAD_TOKEN: PAD_TAG, UNK_TOKEN: 1}
    for i, tag in enumerate(tags):
        vocab[tag] = i + 2
    return vocab
""",
}
EXPECT_FAILED = {
    "build_tag_vocab.hidden",
    "build_tag_vocab.values",
}
