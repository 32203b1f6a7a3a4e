"""sample_text returns seed_text followed by the new characters, where it must return only the new ones."""

CELLS = {
    "sample_text": """def sample_text(model, char_to_id, id_to_char, seed_text, length, temperature, seed):
    rng = np.random.default_rng(seed)
    ids = [char_to_id[c] for c in seed_text]
    for _ in range(length):
        log_p = next_log_probs(model, ids)
        if temperature == 0:
            nxt = int(np.argmax(log_p))
        else:
            scores = log_p / temperature
            p = np.exp(scores - scores.max())
            p /= p.sum()
            nxt = int(rng.choice(len(p), p=p))
        ids.append(nxt)
    return "".join(id_to_char[i] for i in ids)
"""
}
EXPECT_FAILED = {"sample_text.greedy", "sample_text.seeded", "sample_text.properties", "sample_text.hidden"}
