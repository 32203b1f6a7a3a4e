"""reverse_sequence returns a view of its argument (x_seq[:, ::-1]): right values, but a later
change to one changes the other (contract: own_result)."""

CELLS = {
    "reverse_sequence": """def reverse_sequence(x_seq):
    return x_seq[:, ::-1, :]
"""
}
EXPECT_FAILED = {"reverse_sequence.hidden", "reverse_sequence.own_result", "reverse_sequence.values"}
