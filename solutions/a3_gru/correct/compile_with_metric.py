"""compile_char_lm that also asks for an accuracy metric (the release does not forbid one): Keras's
evaluate then reports the loss and the metric."""

CELLS = {
    "compile_char_lm": """def compile_char_lm(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["sparse_categorical_accuracy"])
    return model
"""
}
