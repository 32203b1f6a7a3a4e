"""bio_spans gives each span's last word as its end (end inclusive), not the position after it."""

CELLS = {
    "bio_spans": """def bio_spans(tags):
    spans = []
    kind, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            spans.append((kind, start, i - 1))
            kind = None
        if prefix in ("B", "I") and label and not continues:
            kind, start = label, i
    return spans
""",
}
EXPECT_FAILED = {
    "bio_spans.i_without_b",
    "bio_spans.outside",
    "bio_spans.values",
}
