"""greedy_decode stops one id early when eos never comes (max_len - 1 ids)."""

CELLS = {
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    tokens, score = [], 0.0
    while len(tokens) < max_len - 1 or not tokens:
        log_probs = step([bos_id] + tokens)
        best = int(np.argmax(log_probs))
        tokens.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    return tokens, score
"""
}
EXPECT_FAILED = {"beam_search.width_one", "greedy_decode.max_len", "greedy_decode.ties"}
