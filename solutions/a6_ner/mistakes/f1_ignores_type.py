"""entity_f1 matches spans on their first and last word only: a predicted span of the wrong type counts."""

CELLS = {
    "entity_f1": """def entity_f1(true_tag_seqs, pred_tag_seqs):
    correct = n_pred = n_true = 0
    for true_tags, pred_tags in zip(true_tag_seqs, pred_tag_seqs):
        true_spans, pred_spans = {s[1:] for s in bio_spans(true_tags)}, {s[1:] for s in bio_spans(pred_tags)}
        correct += len(true_spans & pred_spans)
        n_pred += len(pred_spans)
        n_true += len(true_spans)
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
""",
}
EXPECT_FAILED = {
    "entity_f1.hidden",
    "entity_f1.values",
}
