"""greedy_decode collects its tokens in a mutable default argument, so every call continues the
tokens of the calls before it: the first call is right, a second one on the same arguments is not
(contract: repeatable; the checks that run after another call fail too)."""

CELLS = {
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len, tokens=[]):
    score = 0.0
    start = len(tokens)
    while len(tokens) - start < max_len:
        log_probs = np.asarray(step([bos_id] + tokens[start:]))
        best = int(np.argmax(log_probs))
        tokens.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    return tokens, score
"""
}
EXPECT_FAILED = {
    "beam_search.width_one",
    "greedy_decode.eos_first",
    "greedy_decode.known",
    "greedy_decode.max_len",
    "greedy_decode.one_step",
    "greedy_decode.repeatable",
    "greedy_decode.stops_at_eos",
    "greedy_decode.ties",
}
