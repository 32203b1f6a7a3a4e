"""deep_birnn_forward does not pass merge_mode on: every layer uses the default 'concat'."""

CELLS = {
    "deep_birnn_forward": """def deep_birnn_forward(x_seq, layers, merge_mode="concat"):
    h = x_seq
    for layer in layers:
        h = bidirectional_forward(h, layer["forward"], layer["backward"])
    return h
"""
}
EXPECT_FAILED = {"deep_birnn_forward.sum"}
