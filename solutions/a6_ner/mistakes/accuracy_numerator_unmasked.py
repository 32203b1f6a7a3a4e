"""The accuracy divides by the real positions but counts the correct padded ones in the numerator."""

CELLS = {
    "masked_accuracy": "def masked_accuracy(y_true, y_pred, pad_id):\n    y_true = np.asarray(y_true)\n    y_pred = np.asarray(y_pred)\n    if y_pred.ndim == 3:\n        y_pred = y_pred.argmax(axis=-1)\n    mask = y_true != pad_id\n    if mask.sum() == 0:\n        return 0.0\n    return float(np.sum(y_pred == y_true) / mask.sum())\n"
}
EXPECT_FAILED = {
    "masked_accuracy.extra_padding",
    "masked_accuracy.pad_id",
    "masked_accuracy.probabilities",
    "masked_accuracy.unchanged",
    "masked_accuracy.values",
}
MESSAGE = "received 1.66667"
