"""The accuracy counts the padded positions: pad labels predicted right inflate it."""

CELLS = {
    "masked_accuracy": "def masked_accuracy(y_true, y_pred, pad_id):\n    y_true = np.asarray(y_true)\n    y_pred = np.asarray(y_pred)\n    if y_pred.ndim == 3:\n        y_pred = y_pred.argmax(axis=-1)\n    return float(np.mean(y_pred == y_true))\n"
}
EXPECT_FAILED = {
    "masked_accuracy.extra_padding",
    "masked_accuracy.no_tokens",
    "masked_accuracy.pad_id",
    "masked_accuracy.probabilities",
    "masked_accuracy.unchanged",
    "masked_accuracy.values",
}
MESSAGE = "expected 0.666667"
