"""The tagger count forgets that 'concat' doubles the features read by the second layer and by Dense."""

CELLS = {
    "count_tagger_params": """def count_tagger_params(vocab_size, embed_dim, units, n_classes):
    return (vocab_size * embed_dim + count_birnn_params(embed_dim, units) + count_birnn_params(units, units)
            + units * n_classes + n_classes)
"""
}
EXPECT_FAILED = {"count_tagger_params.values", "count_tagger_params.hidden"}
MESSAGE = "values differ"
