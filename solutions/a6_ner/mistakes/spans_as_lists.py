"""bio_spans returns each span as a list [type, start, end], not a tuple."""

CELLS = {
    "bio_spans": """def bio_spans(tags):
    spans = []
    kind, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            spans.append([kind, start, i])
            kind = None
        if prefix in ("B", "I") and label and not continues:
            kind, start = label, i
    return spans
""",
}
EXPECT_FAILED = {
    "bio_spans.tuples",
    "entity_f1.conlleval",
    "entity_f1.hidden",
    "entity_f1.no_predictions",
    "entity_f1.no_true_entities",
    "entity_f1.values",
}
