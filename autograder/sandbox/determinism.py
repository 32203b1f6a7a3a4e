"""The device policy shared by the grader and the student's worker.

TF32 off, op determinism on, oneDNN's CPU rewrites off, and every seed set, so that verdicts are
the same on a CPU and on a GPU (see ``docs/device.md`` for the errors TF32 causes on an H100).
"""

from __future__ import annotations

import importlib.metadata
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
    _keep_tf32_off(tf)
    try:
        tf.config.experimental.enable_op_determinism()
    except Exception:  # already enabled, or unsupported in this build
        pass
    keras = sys.modules.get("keras")
    if keras is not None:
        keras.utils.set_random_seed(seed % 2**32)
    else:
        tf.random.set_seed(seed % 2**32)


def _keep_tf32_off(tf) -> None:
    """Switches TF32 off and replaces TensorFlow's public switch so student code cannot turn it on."""
    experimental = tf.config.experimental
    original = getattr(
        experimental.enable_tensor_float_32_execution,
        "_autograder_original",
        experimental.enable_tensor_float_32_execution,
    )
    original(False)

    def refuse(enabled):
        original(False)

    refuse._autograder_original = original
    experimental.enable_tensor_float_32_execution = refuse


def load_tensorflow() -> None:
    """Imports TensorFlow and Keras under the policy (environment first), then applies it."""
    set_environment()
    import keras  # noqa: F401
    import tensorflow

    tensorflow.get_logger().setLevel("ERROR")  # no retracing warnings on the grader's terminal
    apply(0)


def uses_tensorflow(sources) -> bool:
    """Whether any of the code mentions TensorFlow or Keras (then it is loaded up front, under the policy)."""
    return any("tensorflow" in s or "keras" in s for s in sources)


def _installed(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def describe() -> dict:
    """The environment a result was computed in: versions, the grader's device, TF32 state.

    TensorFlow is not imported here: when the grader has not loaded it (every expected value came
    from the term's pool), the installed version is reported and the device is the CPU."""
    info = {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "tensorflow": None,
        "device": "cpu",
        "tf32": False,
    }
    tf = sys.modules.get("tensorflow")
    if tf is None:
        info["tensorflow"] = _installed("tensorflow")
    else:
        info["tensorflow"] = tf.__version__
        gpus = tf.config.list_physical_devices("GPU")
        info["device"] = f"gpu ({len(gpus)})" if gpus else "cpu"
        info["tf32"] = bool(tf.config.experimental.tensor_float_32_execution_enabled())
    return info
