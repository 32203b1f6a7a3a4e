"""noise_distribution ignores the power: the plain unigram distribution."""

CELLS = {
    "noise_distribution": """def noise_distribution(counts, power=0.75):
    counts = np.asarray(counts, dtype=np.float64)
    return counts / counts.sum()
"""
}
EXPECT_FAILED = {
    "noise_distribution.values",
    "noise_distribution.hidden",
    "noise_distribution.unchanged",
    "noise_distribution.default_power",
}
