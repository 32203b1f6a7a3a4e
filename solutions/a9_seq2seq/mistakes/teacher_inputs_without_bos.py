"""teacher_forcing feeds the target itself as the decoder input (no BOS in front): the decoder sees the id it must predict."""

CELLS = {
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    width = max(len(t) for t in targets) + 1
    inputs = np.full((len(targets), width), pad_id, dtype=np.int32)
    outputs = np.full((len(targets), width), pad_id, dtype=np.int32)
    for r, t in enumerate(targets):
        inputs[r, :len(t)] = list(t)
        outputs[r, :len(t) + 1] = list(t) + [eos_id]
    return inputs, outputs
"""
}
EXPECT_FAILED = {
    "teacher_forcing.values",
    "teacher_forcing.hidden",
    "teacher_forcing.equal_lengths",
    "teacher_forcing.empty",
    "teacher_forcing.unchanged",
}
