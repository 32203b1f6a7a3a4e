"""build_char_vocab numbers the sorted characters in char_to_id but returns id_to_char unsorted
(list(set(text))): id_to_char[i] is not the character of id i."""

CELLS = {
    "build_char_vocab": """def build_char_vocab(text):
    chars = list(set(text))
    return {c: i for i, c in enumerate(sorted(chars))}, chars
"""
}
EXPECT_FAILED = {"build_char_vocab.values", "build_char_vocab.hidden"}
