"""beam_search keeps expanding hypotheses after eos_id: finished hypotheses grow past their end."""

CELLS = {
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    beam = [([], 0.0)]
    for _ in range(max_len):
        candidates = []
        for tokens, log_prob in beam:
            log_probs = step([bos_id] + tokens)
            for w in range(len(log_probs)):
                candidates.append((tokens + [w], log_prob + float(log_probs[w])))
        beam = sorted(candidates, key=lambda h: -h[1] / len(h[0]) ** alpha)[:beam_width]
    return beam
"""
}
EXPECT_FAILED = {
    "beam_search.default_alpha",
    "beam_search.eos_first",
    "beam_search.finished",
    "beam_search.hidden",
    "beam_search.known",
    "beam_search.monotone",
    "beam_search.normalised",
    "beam_search.normalised_hidden",
    "beam_search.unchanged",
    "beam_search.values",
    "beam_search.wide",
    "beam_search.width_one",
}
