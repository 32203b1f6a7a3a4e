"""Keras models written several ways, described in the worker's way and compared as the grader does.

Real Keras models throughout: the same model written differently must compare equal, and each
real difference must fail with a message that names it.
"""

from __future__ import annotations

import numpy as np
import pytest

keras = pytest.importorskip("keras")
tf = pytest.importorskip("tensorflow")

from autograder.checks.modelcompare import compare_models  # noqa: E402
from autograder.checks.probes import activation_name, build_and_describe, describe_model  # noqa: E402
from autograder.core.tolerance import Tolerance  # noqa: E402

TOL = Tolerance(1e-5, 1e-6)
V, D, U = 11, 4, 5
IDS = np.array([[1, 2, 3, 4], [5, 6, 7, 0]], dtype=np.int32)


def reference_lm():
    """Sequential; objects for the loss and the optimizer; a metric (the a3/a6 shape)."""
    model = keras.Sequential(
        [
            keras.Input((None,), dtype="int32"),
            keras.layers.Embedding(V, D),
            keras.layers.GRU(U, return_sequences=True),
            keras.layers.Dense(V, activation="log_softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    return model


def functional_names_timedistributed():
    """Functional API (an InputLayer in .layers), TimeDistributed(Dense), tf.nn.log_softmax, names
    for the optimizer, a loss function with from_logits bound, and an extra metric."""
    inputs = tf.keras.Input(shape=(None,), dtype="int32")
    h = tf.keras.layers.Embedding(input_dim=V, output_dim=D)(inputs)
    h = tf.keras.layers.GRU(U, return_sequences=True)(h)
    out = tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(V, activation=tf.nn.log_softmax))(h)
    model = tf.keras.Model(inputs, out)
    model.compile(
        optimizer=keras.optimizers.get({"class_name": "adam", "config": {"learning_rate": 0.01}}),
        loss=keras.losses.SparseCategoricalCrossentropy(True),
        metrics=[keras.metrics.SparseCategoricalAccuracy(), "sparse_top_k_categorical_accuracy"],
    )
    return model


def dense_then_activation_layer():
    """Dense(V) followed by an Activation layer; the loss as a lambda (a custom callable)."""
    model = keras.Sequential(
        [
            keras.Input((None,), dtype="int32"),
            keras.layers.Embedding(V, D),
            keras.layers.GRU(U, return_sequences=True),
            keras.layers.Dense(V),
            keras.layers.Activation("log_softmax"),
        ]
    )
    model.compile(
        optimizer="adam",
        loss=lambda y, p: keras.losses.sparse_categorical_crossentropy(y, p, from_logits=True),
        metrics=["acc"],
    )
    model.optimizer.learning_rate = 0.01
    return model


def describe(model):
    return describe_model(model, sample_input=IDS)


def test_the_same_model_written_three_ways_compares_equal():
    expected = describe(reference_lm())
    for build in (functional_names_timedistributed, dense_then_activation_layer):
        out = compare_models("the model", describe(build()), expected, tol=TOL)
        assert out.passed, (build.__name__, out.message)


def test_a_loss_given_by_name_is_the_class_with_default_arguments():
    a = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="softmax")])
    a.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.SparseCategoricalCrossentropy())
    b = keras.Sequential([keras.layers.Input((3,)), keras.layers.Dense(4, activation="softmax")])
    b.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy")
    c = keras.Sequential([keras.layers.Input((3,)), keras.layers.Dense(4, activation="softmax")])
    c.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=keras.losses.sparse_categorical_crossentropy)
    da, db, dc = describe_model(a), describe_model(b), describe_model(c)
    assert db["loss"] == dc["loss"] == "SparseCategoricalCrossentropy" and db["loss.from_logits"] is False
    assert compare_models("m", db, da, tol=TOL).passed and compare_models("m", dc, da, tol=TOL).passed


def test_activations_are_named_by_what_they_compute():
    assert activation_name(tf.nn.log_softmax) == "log_softmax"
    assert activation_name(lambda x: tf.maximum(x, 0.0)) == "relu"
    assert activation_name(None) == "linear"
    assert activation_name(lambda x: x * 2.0).startswith("custom:")


def test_from_logits_wrong_is_named():
    model = reference_lm()
    model.compile(
        optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"]
    )
    out = compare_models("the model", describe(model), describe(reference_lm()), tol=TOL)
    assert (
        not out.passed
        and "from_logits=False" in out.message
        and "SparseCategoricalCrossentropy(from_logits=True" in out.message
    )


def test_a_custom_loss_that_computes_something_else_fails_on_its_value():
    model = dense_then_activation_layer()
    model.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss=lambda y, p: keras.losses.sparse_categorical_crossentropy(y, p),
        metrics=["accuracy"],
    )
    out = compare_models("the model", describe(model), describe(reference_lm()), tol=TOL)
    assert not out.passed and "custom loss" in out.message


def test_a_missing_metric_fails_and_an_extra_one_only_when_forbidden():
    model = reference_lm()
    model.compile(
        optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    )
    out = compare_models("the model", describe(model), describe(reference_lm()), tol=TOL)
    assert not out.passed and "expected the metrics to include sparse_categorical_accuracy" in out.message
    extra = describe(functional_names_timedistributed())
    assert not compare_models("the model", extra, describe(reference_lm()), tol=TOL, extra_metrics=False).passed


def test_a_different_layer_setting_is_named_with_its_layer():
    model = keras.Sequential(
        [
            keras.Input((None,), dtype="int32"),
            keras.layers.Embedding(V, D),
            keras.layers.GRU(U),
            keras.layers.Dense(V, activation="log_softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    out = compare_models("the model", describe(model), describe(reference_lm()), tol=TOL)
    assert out.message == "the model: layer 2 (GRU): expected return_sequences=True, received return_sequences=False"


def test_outputs_with_the_same_weights_catch_a_custom_activation():
    model = keras.Sequential(
        [
            keras.Input((None,), dtype="int32"),
            keras.layers.Embedding(V, D),
            keras.layers.GRU(U, return_sequences=True),
            keras.layers.Dense(V, activation=lambda x: x - 1.0),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(0.01),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    expected = describe(reference_lm())
    expected.pop("outputs")
    got = describe(model)
    assert not compare_models("the model", got, expected, tol=TOL).passed  # the activation's name differs
    out = compare_models("the model", got, {**describe(reference_lm()), "layers": got["layers"]}, tol=TOL)
    assert not out.passed and "outputs on a fixed input" in out.message


def test_never_built_none_and_non_models_get_their_own_messages():
    def unbuilt(vocab_size, embed_dim, units):
        return keras.Sequential(
            [keras.layers.Embedding(vocab_size, embed_dim), keras.layers.GRU(units, return_sequences=True)]
        )

    expected = describe(reference_lm())
    got = build_and_describe({"f": unbuilt}, "f", {"vocab_size": V, "embed_dim": D, "units": U})
    out = compare_models("the model", got, expected, tol=TOL)
    assert not out.passed and "never built" in out.message and "raised" not in out.message
    out = compare_models("the model", describe_model(None), expected, tol=TOL)
    assert not out.passed and "returned None" in out.message
    out = compare_models("the model", describe_model(np.zeros(3)), expected, tol=TOL)
    assert not out.passed and "numpy.ndarray" in out.message


@pytest.mark.parametrize(
    "garbage",
    [
        None,
        3,
        "model",
        [],
        {},
        {"returned": 5},
        {"returned": "keras.Model", "built": True, "layers": 7},
        {
            "returned": "keras.Model",
            "built": True,
            "layers": [1, None, {"type": []}],
            "compiled": True,
            "metrics": 3,
            "loss": None,
            "loss_value": "x",
            "params": "many",
            "outputs": {},
        },
    ],
)
def test_no_description_makes_the_comparison_raise(garbage):
    out = compare_models("the model", garbage, describe(reference_lm()), tol=TOL)
    assert not out.passed and out.message.startswith("the model: ")
