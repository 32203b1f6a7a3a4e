"""bio_spans collects the spans per type and returns them type by type, not in order of start."""

CELLS = {
    "bio_spans": """def bio_spans(tags):
    by_type = {}
    kind, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            by_type.setdefault(kind, []).append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and label and not continues:
            kind, start = label, i
    return [span for spans in by_type.values() for span in spans]
""",
}
EXPECT_FAILED = {
    "bio_spans.i_without_b",
    "bio_spans.values",
}
