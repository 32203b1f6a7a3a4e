"""compile_char_lm uses SparseCategoricalCrossentropy() (from_logits=False) on log-probability outputs."""

CELLS = {
    "compile_char_lm": """def compile_char_lm(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy())
    return model
"""
}
EXPECT_FAILED = {"compile_char_lm.settings", "compile_char_lm.loss_value"}
MESSAGE = "from_logits"
