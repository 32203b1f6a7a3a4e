"""sample_text exponentiates log_probs / temperature without subtracting the maximum: at a low
temperature every exp underflows to 0 and the probabilities are nan."""

CELLS = {
    "sample_text": """def sample_text(model, char_to_id, id_to_char, seed_text, length, temperature, seed):
    rng = np.random.default_rng(seed)
    ids = [char_to_id[c] for c in seed_text]
    new = []
    for _ in range(length):
        log_p = next_log_probs(model, ids)
        if temperature == 0:
            nxt = int(np.argmax(log_p))
        else:
            p = np.exp(log_p / temperature)
            p /= p.sum()
            nxt = int(rng.choice(len(p), p=p))
        ids.append(nxt)
        new.append(id_to_char[nxt])
    return "".join(new)
"""
}
EXPECT_FAILED = {"sample_text.low_temperature"}
