"""beam_search ignores beam_width: it keeps one hypothesis (greedy decoding)."""

CELLS = {
    "beam_search": """def beam_search(step, bos_id, eos_id, beam_width, max_len, alpha=0.0):
    tokens, score = [], 0.0
    while len(tokens) < max_len:
        log_probs = step([bos_id] + tokens)
        best = int(np.argmax(log_probs))
        tokens.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    return [(tokens, score)]
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
    "beam_search.one_step",
    "beam_search.ties",
    "beam_search.unchanged",
    "beam_search.values",
    "beam_search.wide",
    "beam_search.width_one",
}
