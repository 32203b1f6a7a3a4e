"""make_lm_pairs returns the inputs themselves as targets (not shifted by one)."""

CELLS = {
    "make_lm_pairs": """def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = (len(ids) - 1) // seq_len
    inputs = ids[:n * seq_len].reshape(n, seq_len)
    return inputs, inputs.copy()
"""
}
EXPECT_FAILED = {
    "make_lm_pairs.exact",
    "make_lm_pairs.hidden",
    "make_lm_pairs.last_target",
    "make_lm_pairs.unchanged",
    "make_lm_pairs.values",
}
MESSAGE = "values differ"
