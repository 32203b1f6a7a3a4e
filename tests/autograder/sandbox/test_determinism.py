"""The device policy holds inside the worker even when student code fights it."""

import numpy as np
from toycourse import make_notebook, write_json

from autograder.course import assignment
from autograder.grading import engine
from autograder.sandbox import determinism

SOURCE = {
    "tf32_state": (
        "def tf32_state():\n    ### BEGIN SOLUTION\n    import tensorflow as tf\n"
        "    return float(tf.config.experimental.tensor_float_32_execution_enabled())\n    ### END SOLUTION\n"
    ),
    "gru_out": (
        "def gru_out(x):\n    ### BEGIN SOLUTION\n    import keras\n    layer = keras.layers.GRU(3, return_sequences=True)\n"
        "    return layer(x.astype('float32')).numpy()\n    ### END SOLUTION\n"
    ),
}
STUDENT = {
    "tf32_state": (
        "import tensorflow as tf\ntf.config.experimental.enable_tensor_float_32_execution(True)\n\n"
        "def tf32_state():\n    tf.config.experimental.enable_tensor_float_32_execution(True)\n"
        "    return float(tf.config.experimental.tensor_float_32_execution_enabled())\n"
    ),
    "gru_out": SOURCE["gru_out"].replace("    ### BEGIN SOLUTION\n", "").replace("    ### END SOLUTION\n", ""),
}
CHECKS = """
from autograder.checks.check import Check


CHECKS = [
    Check("tf32_state.inside", "tf32_state", "TF32 state inside a function that switches it on"),
    Check("gru_out.values", "gru_out", "a seeded Keras GRU on (2, 5, 4)", lambda rng: {"x": rng.normal(size=(2, 5, 4))}),
]
"""


def notebook(cells):
    return make_notebook(
        [("setup", "setup_imports", "import numpy as np")] + [("solution", k, v) for k, v in cells.items()]
    )


def test_tf32_switched_on_by_student_is_switched_off(tmp_path):
    write_json(tmp_path / "solutions" / "d" / "d.ipynb", notebook(SOURCE))
    write_json(tmp_path / "assignments" / "d" / "d.ipynb", notebook(SOURCE))
    (tmp_path / "solutions" / "d" / "public_checks.py").write_text(CHECKS)
    (tmp_path / "grading.yml").write_text(
        "assignments:\n  d:\n    checks:\n      tf32_state.inside: {points: 1}\n      gru_out.values: {points: 1, rtol: 1.0e-5, atol: 1.0e-6}\n"
    )
    loaded = assignment.load("d", root=tmp_path)
    sub = write_json(tmp_path / "sub.ipynb", notebook(STUDENT))
    result = engine.grade(sub, assignment=loaded)
    assert [c.status for c in result.checks] == ["passed", "passed"], [c.message for c in result.checks]
    assert result.environment["tf32"] is False


def test_apply_sets_every_seed():
    determinism.apply(123)
    a = np.random.rand(3)
    determinism.apply(123)
    assert np.array_equal(a, np.random.rand(3))
