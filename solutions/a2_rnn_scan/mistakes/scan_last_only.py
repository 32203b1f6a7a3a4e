"""scan returns only the last carry instead of all of them."""

CELLS = {
    "scan": "def scan(fn, elems, initializer):\n    carry = initializer\n    for e in elems:\n        carry = fn(carry, e)\n    return carry\n"
}
EXPECT_FAILED = {
    "rnn_backward.hidden",
    "rnn_backward.long_numeric",
    "rnn_backward.numeric",
    "rnn_backward.unchanged",
    "rnn_backward.values",
    "rnn_forward.hidden",
    "rnn_forward.unchanged",
    "rnn_forward.uses_scan",
    "rnn_forward.values",
    "rnn_forward.zero_output",
    "scan.affine",
    "scan.cumsum",
}
MESSAGE = "expected shape (5, 3), received (3,)"
