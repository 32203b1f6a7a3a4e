"""entity_f1 pools the spans of all sentences into two sets before matching: a span matches a true
span of another sentence, and equal spans of different sentences count once."""

CELLS = {
    "entity_f1": """def entity_f1(true_tag_seqs, pred_tag_seqs):
    true_spans = {s for tags in true_tag_seqs for s in bio_spans(tags)}
    pred_spans = {s for tags in pred_tag_seqs for s in bio_spans(tags)}
    correct, n_pred, n_true = len(true_spans & pred_spans), len(pred_spans), len(true_spans)
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
