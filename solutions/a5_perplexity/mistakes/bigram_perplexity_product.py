"""bigram_perplexity computes the product of the probabilities to the power -1/N: it underflows on a long sequence."""

CELLS = {
    "bigram_perplexity": """def bigram_perplexity(probs, sequences):
    product, count = 1.0, 0
    for s in sequences:
        product *= np.exp(bigram_log_prob(probs, s))
        count += len(s) + 1
    return float(product ** (-1.0 / count))
"""
}
EXPECT_FAILED = {"bigram_perplexity.long_sequence"}
