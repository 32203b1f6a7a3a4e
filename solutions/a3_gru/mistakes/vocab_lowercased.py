"""build_char_vocab lower-cases the text first: capitals are left out of the vocabulary, which must
be the set of the text's characters."""

CELLS = {
    "build_char_vocab": """def build_char_vocab(text):
    id_to_char = sorted(set(text.lower()))
    return {c: i for i, c in enumerate(id_to_char)}, id_to_char
"""
}
EXPECT_FAILED = {"build_char_vocab.values", "build_char_vocab.hidden"}
