"""sigmoid as exp(z) / (1 + exp(z)): right on moderate inputs, inf / inf = nan beyond z = 709."""

CELLS = {"sigmoid": "def sigmoid(z):\n    return np.exp(z) / (1.0 + np.exp(z))\n"}
EXPECT_FAILED = {"sigmoid.extremes"}
