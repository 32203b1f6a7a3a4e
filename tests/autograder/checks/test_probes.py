"""Library probes and their verdicts on real functions: inputs kept, scan and tf.scan actually used."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.checks.check import Context, inputs_kept, runs_through
from autograder.checks.probes import inputs_unchanged, scan_calls
from autograder.core.tolerance import Tolerance

CTX = Context("f(z)", Tolerance(), {}, "")


def test_an_in_place_edit_of_a_nested_input_is_named():
    def clip(grads, clip):
        for g in grads.values():
            np.clip(g, -clip, clip, out=g)
        return grads

    def clip_copy(grads, clip):
        return {k: np.clip(g, -clip, clip) for k, g in grads.items()}

    inputs = {"grads": {"a": np.full((2, 2), 3.0), "b": np.full(3, -2.0)}, "clip": 1.0}
    expected = inputs_unchanged({"f": clip_copy}, "f", inputs)
    out = inputs_kept(inputs_unchanged({"f": clip}, "f", inputs), expected, CTX)
    assert not out.passed and "grads['a'], grads['b'] were modified in place" in out.message
    assert inputs_kept(expected, expected, CTX).passed
    assert inputs["grads"]["a"][0, 0] == 3.0  # the probe works on copies


@pytest.mark.parametrize("garbage", [None, 3, {"z": "yes"}, [True]])
def test_inputs_kept_never_raises(garbage):
    assert not inputs_kept(garbage, {"z": True}, CTX).passed


def test_runs_through_counts_calls_made_through_the_namespace():
    ns: dict = {}
    exec(
        "import numpy as np\n"
        "def scan(fn, elems, initializer):\n    carry, out = initializer, []\n"
        "    for e in elems:\n        carry = fn(carry, e)\n        out.append(carry)\n    return np.stack(out)\n"
        "def forward(x_seq, h0):\n    return scan(lambda h, x: np.tanh(h + x), x_seq, h0)\n"
        "def forward_loop(x_seq, h0):\n    h, out = h0, []\n"
        "    for x in x_seq:\n        h = np.tanh(h + x)\n        out.append(h)\n    return np.stack(out)\n",
        ns,
    )
    inputs = {"x_seq": np.ones((5, 3)), "h0": np.zeros(3)}
    expected = scan_calls(ns, "forward", inputs)
    assert expected["scan"] == {"calls": 1, "steps": 5}
    verdict = runs_through("scan")
    assert verdict(scan_calls(ns, "forward", inputs), expected, CTX).passed
    out = verdict(scan_calls(ns, "forward_loop", inputs), expected, CTX)
    assert not out.passed and "requires scan" in out.message and "Python loop" in out.message
    assert not verdict(None, expected, CTX).passed


def test_tf_scan_is_counted_and_restored():
    tf = pytest.importorskip("tensorflow")
    original = tf.scan
    ns: dict = {"tf": tf}
    exec("def f(x_seq, h0):\n    return tf.scan(lambda h, x: h + x, x_seq, initializer=h0)\n", ns)
    facts = scan_calls(ns, "f", {"x_seq": np.ones((4, 2)), "h0": np.zeros(2)})
    assert facts["tf.scan"] == {"calls": 1, "steps": 4} and tf.scan is original


@pytest.mark.parametrize("inputs", ["one", "two"])
def test_epoch_losses_are_fits_losses(inputs):
    """epoch_losses gives fit's full-batch losses bit for bit (one and two model inputs, a metric
    compiled in), and raises as fit does for a model that was not compiled."""
    import keras

    from autograder.checks.probes import epoch_losses

    rng = np.random.default_rng(3)
    ids = rng.integers(1, 12, size=(10, 5)).astype(np.int32)
    labels = (ids[:, 0] > 6).astype(np.int32)

    def build():
        keras.utils.set_random_seed(5)
        first = keras.Input(shape=(5,), dtype="int32")
        embedded = keras.layers.GlobalAveragePooling1D()(keras.layers.Embedding(12, 4)(first))
        if inputs == "two":
            second = keras.Input(shape=(5,), dtype="int32")
            embedded = keras.layers.Concatenate()(
                [embedded, keras.layers.GlobalAveragePooling1D()(keras.layers.Embedding(12, 4)(second))]
            )
        model = keras.Model([first, second] if inputs == "two" else first, keras.layers.Dense(2)(embedded))
        model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
        return model

    x = [ids, ids[:, ::-1]] if inputs == "two" else ids
    history = build().fit(x, labels, epochs=6, batch_size=len(labels), verbose=0, shuffle=False)
    losses = epoch_losses(build(), x, labels, epochs=6)
    assert losses.dtype == np.float64 and losses.shape == (6,)
    assert np.array_equal(losses, np.asarray(history.history["loss"], dtype=np.float64))
    uncompiled = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(2)])
    with pytest.raises(Exception) as from_fit:
        uncompiled.fit(ids.astype(np.float32), labels, epochs=1, verbose=0)
    with pytest.raises(type(from_fit.value)):
        epoch_losses(uncompiled, ids.astype(np.float32), labels, epochs=1)
