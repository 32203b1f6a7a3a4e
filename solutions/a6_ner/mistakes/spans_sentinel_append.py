"""bio_spans appends an 'O' sentinel to the caller's tag list (tags.append) to close the last span."""

CELLS = {
    "bio_spans": """def bio_spans(tags):
    tags.append("O")
    spans = []
    kind, start = None, 0
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            spans.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and label and not continues:
            kind, start = label, i
    return spans
"""
}
EXPECT_FAILED = {"bio_spans.unchanged", "entity_f1.unchanged"}
