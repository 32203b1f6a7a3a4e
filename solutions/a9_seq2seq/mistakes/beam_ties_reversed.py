"""beam_search keeps the best candidates by a reversed argsort: among equal scores the later
candidate comes first, where the release says equal scores keep the candidates' order."""

CELLS = {
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    beam = [([], 0.0)]
    for _ in range(max_len):
        if all(tokens and tokens[-1] == eos_id for tokens, _ in beam):
            break
        candidates = []
        for tokens, log_prob in beam:
            if tokens and tokens[-1] == eos_id:
                candidates.append((tokens, log_prob))
                continue
            log_probs = np.asarray(step([bos_id] + tokens))
            for w in range(len(log_probs)):
                candidates.append((tokens + [w], log_prob + float(log_probs[w])))
        scores = np.array([lp / len(t) ** alpha for t, lp in candidates])
        order = np.argsort(scores, kind="stable")[::-1][:beam_width]
        beam = [candidates[i] for i in order]
    return beam
"""
}
EXPECT_FAILED = {"beam_search.ties"}
