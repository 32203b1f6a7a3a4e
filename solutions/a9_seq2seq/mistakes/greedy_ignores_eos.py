"""greedy_decode never stops at eos_id: it always generates max_len ids."""

CELLS = {
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    tokens, score = [], 0.0
    for _ in range(max_len):
        log_probs = step([bos_id] + tokens)
        best = int(np.argmax(log_probs))
        tokens.append(best)
        score += float(log_probs[best])
    return tokens, score
"""
}
EXPECT_FAILED = {
    "greedy_decode.values",
    "greedy_decode.known",
    "greedy_decode.hidden",
    "greedy_decode.stops_at_eos",
    "greedy_decode.eos_first",
    "greedy_decode.unchanged",
    "beam_search.width_one",
}
