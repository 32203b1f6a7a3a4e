"""sample_text returns the prompt with the new characters, reseeds the generator at every step and exponentiates without subtracting the maximum."""

CELLS = {
    "sample_text": """def sample_text(model, char_to_id, id_to_char, seed_text, length, temperature, seed):
    ids = [char_to_id[c] for c in seed_text]
    for _ in range(length):
        log_p = next_log_probs(model, ids)
        if temperature == 0:
            ids.append(int(np.argmax(log_p)))
        else:
            p = np.exp(log_p / temperature)
            ids.append(int(np.random.default_rng(seed).choice(len(p), p=p / p.sum())))
    return "".join(id_to_char[i] for i in ids)
"""
}
EXPECT_FAILED = {
    "sample_text.greedy",
    "sample_text.seeded",
    "sample_text.properties",
    "sample_text.hidden",
    "sample_text.low_temperature",
}
MESSAGE = "expected"
