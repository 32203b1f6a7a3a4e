"""sample_text takes the argmax whatever the temperature: no sampling at all."""

CELLS = {
    "sample_text": """def sample_text(model, char_to_id, id_to_char, seed_text, length, temperature, seed):
    ids = [char_to_id[c] for c in seed_text]
    for _ in range(length):
        ids.append(int(np.argmax(next_log_probs(model, ids))))
    return "".join(id_to_char[i] for i in ids[len(seed_text):])
"""
}
EXPECT_FAILED = {"sample_text.seeded", "sample_text.properties", "sample_text.hidden"}
MESSAGE = "temperature=0.8, seed=4): expected"
