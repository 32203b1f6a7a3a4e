"""teacher_forcing returns the shifted inputs as the targets too: the decoder learns to copy its input."""

CELLS = {
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    width = max(len(t) for t in targets) + 1
    inputs = np.full((len(targets), width), pad_id, dtype=np.int32)
    for r, t in enumerate(targets):
        inputs[r, :len(t) + 1] = [bos_id] + list(t)
    return inputs, inputs.copy()
"""
}
EXPECT_FAILED = {
    "teacher_forcing.values",
    "teacher_forcing.hidden",
    "teacher_forcing.equal_lengths",
    "teacher_forcing.empty",
    "teacher_forcing.unchanged",
}
