"""beam_search ignores alpha: it always ranks by the raw log-probability, which favours short outputs."""

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
            log_probs = step([bos_id] + tokens)
            for w in range(len(log_probs)):
                candidates.append((tokens + [w], log_prob + float(log_probs[w])))
        beam = sorted(candidates, key=lambda h: -h[1])[:beam_width]
    return beam
"""
}
EXPECT_FAILED = {"beam_search.normalised", "beam_search.normalised_hidden"}
