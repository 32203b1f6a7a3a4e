"""bigram_perplexity averages each sequence's per-symbol log-prob: sequences, not symbols, are weighted equally."""

CELLS = {
    "bigram_perplexity": """def bigram_perplexity(probs, sequences):
    per_seq = [bigram_log_prob(probs, s) / (len(s) + 1) for s in sequences]
    return float(np.exp(-np.mean(per_seq)))
"""
}
EXPECT_FAILED = {
    "bigram_perplexity.long_sequence",
    "bigram_perplexity.token_weighted",
    "bigram_perplexity.unchanged",
    "bigram_perplexity.values",
}
MESSAGE = "values differ"
