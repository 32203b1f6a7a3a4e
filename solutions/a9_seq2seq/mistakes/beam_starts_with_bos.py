"""beam_search starts from the hypothesis [bos_id] instead of the empty one, so bos_id is fed twice
and ends up in the output."""

CELLS = {
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    def rank(hypothesis):
        tokens, log_prob = hypothesis
        return log_prob / len(tokens) ** alpha

    beam = [([bos_id], 0.0)]
    for _ in range(max_len):
        if all(tokens[-1] == eos_id for tokens, _ in beam):
            break
        candidates = []
        for tokens, log_prob in beam:
            if tokens[-1] == eos_id:
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
    "beam_search.default_alpha",
    "beam_search.eos_first",
    "beam_search.hidden",
    "beam_search.known",
    "beam_search.normalised",
    "beam_search.normalised_hidden",
    "beam_search.one_step",
    "beam_search.ties",
    "beam_search.values",
    "beam_search.wide",
}
