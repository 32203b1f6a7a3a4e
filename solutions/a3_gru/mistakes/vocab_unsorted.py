"""build_char_vocab numbers the characters in order of first appearance instead of sorted order."""

CELLS = {
    "build_char_vocab": """def build_char_vocab(text):
    id_to_char = list(dict.fromkeys(text))
    return {c: i for i, c in enumerate(id_to_char)}, id_to_char
"""
}
EXPECT_FAILED = {"build_char_vocab.values", "build_char_vocab.hidden"}
MESSAGE = "expected 0, received"
