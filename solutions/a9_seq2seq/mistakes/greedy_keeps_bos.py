"""greedy_decode returns the prefix it fed the decoder, bos_id included, where the docstring says the
tokens are without bos_id."""

CELLS = {
    "greedy_decode": """def greedy_decode(step, bos_id, eos_id, max_len):
    prefix, score = [bos_id], 0.0
    while len(prefix) - 1 < max_len:
        log_probs = np.asarray(step(prefix))
        best = int(np.argmax(log_probs))
        prefix.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    return prefix, score
"""
}
EXPECT_FAILED = {
    "greedy_decode.eos_first",
    "greedy_decode.hidden",
    "greedy_decode.known",
    "greedy_decode.max_len",
    "greedy_decode.one_step",
    "greedy_decode.stops_at_eos",
    "greedy_decode.ties",
    "greedy_decode.values",
}
