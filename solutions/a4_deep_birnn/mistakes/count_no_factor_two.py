"""The bidirectional parameter count forgets that there are two directions."""

CELLS = {
    "count_birnn_params": """def count_birnn_params(n_x, units):
    return n_x * units + units * units + units
"""
}
EXPECT_FAILED = {
    "count_birnn_params.values",
    "count_birnn_params.hidden",
    "count_tagger_params.values",
    "count_tagger_params.hidden",
}
MESSAGE = "expected 48, received 24"
