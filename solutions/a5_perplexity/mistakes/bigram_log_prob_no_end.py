"""bigram_log_prob scores START -> c_1 ... c_{n-1} -> c_n but drops the final c_n -> END transition."""

CELLS = {
    "bigram_log_prob": """def bigram_log_prob(probs, sequence):
    seq = [START_ID] + [int(s) for s in sequence]
    return float(sum(np.log(probs[a, b]) for a, b in zip(seq[:-1], seq[1:])))
"""
}
EXPECT_FAILED = {
    "bigram_log_prob.hidden",
    "bigram_log_prob.long_sequence",
    "bigram_log_prob.unchanged",
    "bigram_log_prob.values",
    "bigram_perplexity.long_sequence",
    "bigram_perplexity.token_weighted",
    "bigram_perplexity.unchanged",
    "bigram_perplexity.values",
}
MESSAGE = "values differ"
