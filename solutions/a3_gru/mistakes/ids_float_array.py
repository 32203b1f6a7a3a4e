"""text_to_ids builds the array without a dtype: an empty text gives a float array."""

CELLS = {
    "text_to_ids": """def text_to_ids(text, char_to_id):
    return np.array([char_to_id[c] for c in text])
"""
}
EXPECT_FAILED = {"text_to_ids.empty", "text_to_ids.dtype"}
