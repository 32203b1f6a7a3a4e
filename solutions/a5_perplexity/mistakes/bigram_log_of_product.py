"""bigram_log_prob takes the log of the product of the transition probabilities: 0 (then -inf) on a long sequence."""

CELLS = {
    "bigram_log_prob": """def bigram_log_prob(probs, sequence):
    seq = [START_ID] + list(sequence) + [END_ID]
    p = 1.0
    for a, b in zip(seq[:-1], seq[1:]):
        p *= probs[a, b]
    return float(np.log(p))
"""
}
EXPECT_FAILED = {"bigram_log_prob.long_sequence", "bigram_perplexity.long_sequence"}
