"""entity_f1 averages each sentence's precision, recall and F1 (macro) instead of counting C, P and T
over all sentences."""

CELLS = {
    "entity_f1": """def entity_f1(true_tag_seqs, pred_tag_seqs):
    scores = []
    for true_tags, pred_tags in zip(true_tag_seqs, pred_tag_seqs):
        true_spans, pred_spans = set(bio_spans(true_tags)), set(bio_spans(pred_tags))
        correct = len(true_spans & pred_spans)
        precision = correct / len(pred_spans) if pred_spans else 0.0
        recall = correct / len(true_spans) if true_spans else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append((precision, recall, f1))
    if not scores:
        return 0.0, 0.0, 0.0
    precision, recall, f1 = np.mean(scores, axis=0)
    return float(precision), float(recall), float(f1)
""",
}
EXPECT_FAILED = {
    "entity_f1.hidden",
    "entity_f1.values",
}
