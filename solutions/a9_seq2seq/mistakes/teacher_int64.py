"""teacher_forcing returns int64 arrays, where the docstring says int32 (contract: dtype)."""

CELLS = {
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    width = max(len(t) for t in targets) + 1
    inputs = np.full((len(targets), width), pad_id, dtype=np.int64)
    outputs = np.full((len(targets), width), pad_id, dtype=np.int64)
    for r, t in enumerate(targets):
        inputs[r, :len(t) + 1] = [bos_id] + list(t)
        outputs[r, :len(t) + 1] = list(t) + [eos_id]
    return inputs, outputs
"""
}
EXPECT_FAILED = {"teacher_forcing.dtype"}
