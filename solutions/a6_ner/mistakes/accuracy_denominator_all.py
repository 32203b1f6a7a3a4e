"""masked_accuracy counts the right real positions but divides by every position, padding included."""

CELLS = {
    "masked_accuracy": """def masked_accuracy(y_true, y_pred, pad_id):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_pred.ndim == y_true.ndim + 1:
        y_pred = np.argmax(y_pred, axis=-1)
    mask = y_true != pad_id
    total = int(mask.sum())
    if total == 0:
        return 0.0
    return float(np.sum((y_pred == y_true) & mask) / y_true.size)
""",
}
EXPECT_FAILED = {
    "masked_accuracy.extra_padding",
    "masked_accuracy.pad_id",
    "masked_accuracy.probabilities",
    "masked_accuracy.values",
}
