"""beam_search runs max_len + 1 rounds of expansion, so its hypotheses can have max_len + 1 ids."""

CELLS = {
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    def rank(hypothesis):
        tokens, log_prob = hypothesis
        return log_prob / len(tokens) ** alpha

    beam = [([], 0.0)]
    for _ in range(max_len + 1):
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
        beam = sorted(candidates, key=lambda h: -rank(h))[:beam_width]
    return beam
"""
}
EXPECT_FAILED = {
    "beam_search.eos_first",
    "beam_search.hidden",
    "beam_search.normalised_hidden",
    "beam_search.one_step",
    "beam_search.ties",
    "beam_search.values",
    "beam_search.wide",
}
