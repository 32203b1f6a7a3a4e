"""The device policy shared by the grader and the student's worker.

TF32 off, op determinism on, oneDNN's CPU rewrites off, and every seed set, so that verdicts are
the same on a CPU and on a GPU (see ``shared/gpu/README.md`` for the errors TF32 causes on an H100).
"""

from __future__ import annotations

import os
import random
import sys

import numpy as np

ENVIRONMENT = {
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "TF_DETERMINISTIC_OPS": "1",
    "TF_CUDNN_DETERMINISTIC": "1",
    "NVIDIA_TF32_OVERRIDE": "0",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONHASHSEED": "0",
    "KERAS_BACKEND": "tensorflow",
}


def set_environment(env: dict | None = None) -> dict:
    """Adds the policy's variables to ``env`` (``os.environ`` when None) before TensorFlow loads."""
    target = os.environ if env is None else env
    target.update(ENVIRONMENT)
    return target


def apply(seed: int) -> None:
    """Sets seeds, and TF32 off and op determinism on if TensorFlow is loaded.

    Called before every check, in the grader and in the worker, so a student who switches TF32
    back on is overruled.

    Args:
        seed: Seed for ``random``, numpy's global generator and TensorFlow/Keras.
    """
    random.seed(seed)
    np.random.seed(seed % 2**32)
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return
    tf.config.experimental.enable_tensor_float_32_execution(False)
    try:
        tf.config.experimental.enable_op_determinism()
    except Exception:  # already enabled, or unsupported in this build
        pass
    keras = sys.modules.get("keras")
    if keras is not None:
        keras.utils.set_random_seed(seed % 2**32)
    else:
        tf.random.set_seed(seed % 2**32)


def describe() -> dict:
    """The environment a result was computed in: versions, device, TF32 state."""
    info = {"python": sys.version.split()[0], "numpy": np.__version__, "tensorflow": None, "device": "cpu", "tf32": False}
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        info["tensorflow"] = tf.__version__
        gpus = tf.config.list_physical_devices("GPU")
        info["device"] = f"gpu ({len(gpus)})" if gpus else "cpu"
        info["tf32"] = bool(tf.config.experimental.tensor_float_32_execution_enabled())
    return info
