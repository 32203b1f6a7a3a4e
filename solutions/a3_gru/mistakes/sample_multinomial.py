"""sample_text draws each character with rng.multinomial(1, p) (the index of the one count)
instead of rng.choice(V, p=p): the same distribution, other characters for the same seed."""

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
            scores = log_p / temperature
            p = np.exp(scores - scores.max())
            p /= p.sum()
            nxt = int(np.argmax(rng.multinomial(1, p)))
        ids.append(nxt)
        new.append(id_to_char[nxt])
    return "".join(new)
"""
}
EXPECT_FAILED = {"sample_text.seeded", "sample_text.hidden"}
