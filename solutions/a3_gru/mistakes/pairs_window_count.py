"""make_lm_pairs makes len(ids) // seq_len windows: when seq_len divides len(ids) the last target runs past the text."""

CELLS = {
    "make_lm_pairs": """def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = len(ids) // seq_len
    inputs = ids[:n * seq_len].reshape(n, seq_len)
    targets = ids[1:n * seq_len + 1].reshape(n, seq_len)
    return inputs, targets
"""
}
EXPECT_FAILED = {"make_lm_pairs.exact", "make_lm_pairs.own_result"}
