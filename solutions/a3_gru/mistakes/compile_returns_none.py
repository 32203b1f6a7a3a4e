"""compile_char_lm compiles the model it is given but returns nothing (the docstring says it returns the model)."""

CELLS = {
    "compile_char_lm": """def compile_char_lm(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
"""
}
EXPECT_FAILED = {"compile_char_lm.settings", "compile_char_lm.loss_value"}
MESSAGE = "returned None"
