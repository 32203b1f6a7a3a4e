"""make_lm_pairs returns reshaped slices of ids: right values, but views of the argument, where the
conventions ask for new arrays (contract: own_result)."""

CELLS = {
    "make_lm_pairs": """def make_lm_pairs(ids, seq_len):
    ids = np.asarray(ids)
    n = (len(ids) - 1) // seq_len
    inputs = ids[:n * seq_len].reshape(n, seq_len)
    targets = ids[1:n * seq_len + 1].reshape(n, seq_len)
    return inputs, targets
"""
}
EXPECT_FAILED = {"make_lm_pairs.own_result"}
