"""entity_f1 scores single tokens (non-O tags that match) instead of whole spans."""

CELLS = {
    "entity_f1": "def entity_f1(true_tag_seqs, pred_tag_seqs):\n    correct = n_pred = n_true = 0\n    for t_seq, p_seq in zip(true_tag_seqs, pred_tag_seqs):\n        for t, p in zip(t_seq, p_seq):\n            correct += t != 'O' and t == p\n            n_pred += p != 'O'\n            n_true += t != 'O'\n    precision = correct / n_pred if n_pred else 0.0\n    recall = correct / n_true if n_true else 0.0\n    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0\n    return float(precision), float(recall), float(f1)\n"
}
EXPECT_FAILED = {"entity_f1.conlleval", "entity_f1.hidden", "entity_f1.unchanged", "entity_f1.values"}
MESSAGE = "values differ"
