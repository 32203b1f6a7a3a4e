"""greedy_decode breaks exact ties towards the highest id (the last maximum of a stable sort), where
the release says the lowest id, as np.argmax does."""

CELLS = {
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    tokens, score = [], 0.0
    while len(tokens) < max_len:
        log_probs = np.asarray(step([bos_id] + tokens))
        best = int(np.argsort(log_probs, kind="stable")[-1])
        tokens.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    return tokens, score
"""
}
EXPECT_FAILED = {"greedy_decode.ties"}
