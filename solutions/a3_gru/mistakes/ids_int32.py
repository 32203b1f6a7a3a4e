"""text_to_ids returns int32 ids, where the docstring says np.int64 (contract: dtype)."""

CELLS = {
    "text_to_ids": """def text_to_ids(text, char_to_id):
    return np.array([char_to_id[c] for c in text], dtype=np.int32)
"""
}
EXPECT_FAILED = {"text_to_ids.dtype"}
