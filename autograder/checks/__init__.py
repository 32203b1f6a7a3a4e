"""The check library: what a check is, comparisons, model comparison, gradient checks, probes."""
