"""greedy_decode keeps its answers in a dict keyed by (bos_id, eos_id, max_len), as if the step
function never changed: a later call with another decoder gets an old answer (the
checks that run after another call with the same settings; each call on the same decoder gives the
same answer, so the contract's repeatable clause holds)."""

CELLS = {
    "greedy_decode": """_answers = {}


def greedy_decode(step, bos_id, eos_id, max_len):
    key = (bos_id, eos_id, max_len)
    if key in _answers:
        return _answers[key]
    tokens, score = [], 0.0
    while len(tokens) < max_len:
        log_probs = np.asarray(step([bos_id] + tokens))
        best = int(np.argmax(log_probs))
        tokens.append(best)
        score += float(log_probs[best])
        if best == eos_id:
            break
    _answers[key] = (tokens, score)
    return tokens, score
"""
}
EXPECT_FAILED = {"beam_search.width_one", "greedy_decode.stops_at_eos", "greedy_decode.ties"}
