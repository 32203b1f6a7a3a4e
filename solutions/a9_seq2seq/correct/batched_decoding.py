"""Decoders that keep the hypotheses as numpy arrays: beam search scores all candidates of a step
in one (beam, V) array and sorts them with a stable argsort; greedy with a while loop on a flag;
masked softmax by np.ma; teacher forcing by slicing one padded array."""

CELLS = {
    "masked_softmax": """def masked_softmax(scores, mask):
    m = np.ma.masked_array(scores, mask=(np.asarray(mask) == 0))
    e = np.exp(m - m.max(axis=-1, keepdims=True))
    return np.ma.filled(e / e.sum(axis=-1, keepdims=True), 0.0).astype(np.float64)
""",
    "teacher_forcing": """def teacher_forcing(targets, bos_id, eos_id, pad_id):
    L = max(len(t) for t in targets)
    full = np.full((len(targets), L + 2), pad_id, dtype=np.int32)
    for r, t in enumerate(targets):
        full[r, 0] = bos_id
        full[r, 1:len(t) + 1] = t
        full[r, len(t) + 1] = eos_id
    lengths = np.array([len(t) for t in targets])
    inputs = full[:, :-1].copy()
    rows = np.flatnonzero(lengths < L)
    inputs[rows, lengths[rows] + 1] = pad_id
    return inputs, full[:, 1:].copy()
""",
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    out, total, running = [], 0.0, True
    while running:
        lp = np.asarray(step([bos_id] + out))
        k = int(np.flatnonzero(lp == lp.max())[0])
        out = out + [k]
        total += float(lp[k])
        running = k != eos_id and len(out) < max_len
    return out, total
""",
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    beam = [([], 0.0)]
    for _ in range(max_len):
        finished = [bool(t) and t[-1] == eos_id for t, _ in beam]
        if all(finished):
            break
        tokens, totals, lengths = [], [], []
        for (t, s), f in zip(beam, finished):
            if f:
                tokens.append(t); totals.append(s); lengths.append(len(t))
            else:
                lp = np.asarray(step([bos_id] + t), dtype=np.float64)
                tokens.extend(t + [w] for w in range(len(lp)))
                totals.extend(s + lp)
                lengths.extend([len(t) + 1] * len(lp))
        totals = np.asarray(totals, dtype=np.float64)
        ranks = totals / np.asarray(lengths, dtype=np.float64) ** alpha
        order = np.argsort(-ranks, kind="stable")[:beam_width]
        beam = [(tokens[i], float(totals[i])) for i in order]
    return beam
""",
}
