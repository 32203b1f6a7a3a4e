"""bio_spans returns the caller's tag list itself when it is empty (`if not tags: return tags`): the
right value, but not a list of its own."""

CELLS = {
    "bio_spans": """def bio_spans(tags):
    if not tags:
        return tags
    spans = []
    kind, start = None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            spans.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and label and not continues:
            kind, start = label, i
    return spans
""",
}
EXPECT_FAILED = {"bio_spans.own_result"}
