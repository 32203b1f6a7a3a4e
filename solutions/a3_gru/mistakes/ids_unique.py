"""text_to_ids returns the distinct ids of the text, sorted (np.unique), not the id of every character in order."""

CELLS = {
    "text_to_ids": """def text_to_ids(text, char_to_id):
    return np.unique(np.array([char_to_id[c] for c in text], dtype=np.int64))
"""
}
EXPECT_FAILED = {"text_to_ids.values", "text_to_ids.roundtrip"}
