"""scan returns only the last carry instead of all of them."""
CELLS = {"scan": "def scan(fn, elems, initializer):\n    carry = initializer\n    for e in elems:\n        carry = fn(carry, e)\n    return carry\n"}
EXPECT_FAILED = {"scan.cumsum", "scan.affine", "rnn_forward.values", "rnn_forward.hidden", "rnn_forward.zero_output",
                 "rnn_backward.values", "rnn_backward.hidden", "rnn_backward.numeric", "rnn_backward.long_numeric"}
MESSAGE = "expected shape (5, 3), received (3,)"
