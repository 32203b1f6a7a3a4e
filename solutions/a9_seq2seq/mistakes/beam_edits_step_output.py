"""beam_search adds the hypothesis's score into the array step returned (in place), changing the decoder's output."""

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
            totals = step([bos_id] + tokens)
            totals += log_prob
            for w in range(len(totals)):
                candidates.append((tokens + [w], float(totals[w])))
        beam = sorted(candidates, key=lambda h: -h[1] / len(h[0]) ** alpha)[:beam_width]
    return beam
"""
}
EXPECT_FAILED = {"beam_search.unchanged"}
