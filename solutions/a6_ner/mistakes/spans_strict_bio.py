"""bio_spans drops an I- tag that does not follow its B- (strict mode) instead of starting a span."""

CELLS = {
    "bio_spans": "def bio_spans(tags):\n    spans = []\n    kind, start = None, 0\n    for i, tag in enumerate(list(tags) + ['O']):\n        prefix, _, label = tag.partition('-')\n        if kind is not None and not (prefix == 'I' and label == kind):\n            spans.append((kind, start, i))\n            kind = None\n        if prefix == 'B':\n            kind, start = label, i\n    return spans\n"
}
EXPECT_FAILED = {
    "bio_spans.i_without_b",
    "bio_spans.unchanged",
    "bio_spans.values",
    "entity_f1.conlleval",
    "entity_f1.hidden",
    "entity_f1.unchanged",
    "entity_f1.values",
}
MESSAGE = "expected 6 items"
