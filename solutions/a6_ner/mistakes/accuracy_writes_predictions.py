"""masked_accuracy marks the padded predictions wrong by writing into the caller's y_pred."""

CELLS = {
    "masked_accuracy": """def masked_accuracy(y_true, y_pred, pad_id):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_pred.ndim == y_true.ndim + 1:
        y_pred = np.argmax(y_pred, axis=-1)
    mask = y_true != pad_id
    y_pred[~mask] = np.iinfo(y_pred.dtype).min  # padding can never count as right
    total = int(mask.sum())
    if total == 0:
        return 0.0
    return float(np.sum(y_pred == y_true) / total)
"""
}
EXPECT_FAILED = {"masked_accuracy.unchanged"}
