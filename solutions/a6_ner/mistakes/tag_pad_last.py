"""build_tag_vocab gives the padding tag the last id instead of PAD_TAG = 0."""

CELLS = {
    "build_tag_vocab": "def build_tag_vocab(tag_sequences):\n    tags = sorted({t for seq in tag_sequences for t in seq})\n    vocab = {t: i for i, t in enumerate(tags)}\n    vocab[PAD_TOKEN] = len(tags)\n    return vocab\n"
}
EXPECT_FAILED = {"build_tag_vocab.hidden", "build_tag_vocab.unchanged", "build_tag_vocab.values"}
MESSAGE = "'<pad>'"
