"""entity_f1 guards precision and recall but not F1: with no correct span, 2PR / (P + R) divides by zero."""

CELLS = {
    "entity_f1": """def entity_f1(true_tag_seqs, pred_tag_seqs):
    correct = n_pred = n_true = 0
    for true_tags, pred_tags in zip(true_tag_seqs, pred_tag_seqs):
        true_spans, pred_spans = set(bio_spans(true_tags)), set(bio_spans(pred_tags))
        correct += len(true_spans & pred_spans)
        n_pred += len(pred_spans)
        n_true += len(true_spans)
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
""",
}
EXPECT_FAILED = {
    "entity_f1.no_predictions",
    "entity_f1.no_true_entities",
}
