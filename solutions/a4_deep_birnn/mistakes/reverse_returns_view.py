"""reverse_sequence returns the view x_seq[:, ::-1] (it shares x_seq's memory) where the docstring asks for a new array."""

CELLS = {
    "reverse_sequence": """def reverse_sequence(x_seq):
    return x_seq[:, ::-1]
"""
}
EXPECT_FAILED = {"reverse_sequence.values", "reverse_sequence.hidden"}
MESSAGE = "new_array"
