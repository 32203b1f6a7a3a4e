"""Hidden checks of assignment 1 (never released): other shapes, edge cases, isolation inputs."""

import numpy as np

from autograder.checks import Check, loss_falls, same_model, sibling, unchanged_check

pub = sibling(__file__, "public_checks")


def probe_update_no_mistake(ns, target, inputs):
    """perceptron_update on a correctly classified example: nothing may change."""
    w = inputs["w"].copy()
    new_w, new_b = ns[target](inputs["x"].copy(), inputs["y"], w, inputs["b"], inputs["lr"])
    return {"w": new_w, "b": new_b, "input_unchanged": bool((w == inputs["w"]).all())}


def probe_update_copy(ns, target, inputs):
    """perceptron_update on a misclassified example: whether the caller's w survived unchanged."""
    w = inputs["w"].copy()
    ns[target](inputs["x"].copy(), inputs["y"], w, inputs["b"], inputs["lr"])
    return bool((w == inputs["w"]).all())


def probe_texts_to_ids_shape_only(ns, target, inputs):
    """texts_to_ids on texts longer than max_len and with unknown words."""
    vocab = {str(k): int(v) for k, v in inputs["vocab"].items()}
    return ns[target](list(inputs["texts"]), vocab, inputs["max_len"])


def probe_predict_integers(ns, target, inputs):
    """Whether perceptron_predict's result is an array of integers (a boolean array is not)."""
    import numpy as np

    out = ns[target](inputs["X"].copy(), inputs["w"].copy(), inputs["b"])
    return bool(isinstance(out, np.ndarray) and out.dtype.kind in "iu")


def probe_classifier_input(ns, target, inputs):
    """The dtype and shape of the Input of the student's classifier (its outputs cannot tell them:
    the Embedding casts float ids to integers)."""
    model = ns[target](inputs["vocab_size"], inputs["embed_dim"], inputs["hidden_units"], inputs["n_classes"])
    return {"dtype": str(model.inputs[0].dtype), "shape": str(tuple(model.inputs[0].shape))}


def _other_shapes(rng):
    """z of a shape other than 2-D, picked by the variant: (7,), (2, 3, 4) or (3, 1, 2, 2), with exact zeros in it."""
    shape = [(7,), (2, 3, 4), (3, 1, 2, 2)][int(rng.integers(3))]
    z = rng.normal(size=shape)
    z.flat[::3] = 0.0
    return {"z": z}


def _extremes(rng):
    """z of shape (4, 7): large normal values with exact +-710, +-800 and +-1000 among them."""
    z = rng.normal(size=(4, 7)) * 30.0
    z[0, :6] = [710.0, -710.0, 800.0, -800.0, 1000.0, -1000.0]
    return {"z": z}


def _rows_of_different_scale(rng):
    """Four rows of scores: around +1000, around -1000, spread over [-900, 900], and moderate."""
    z = rng.normal(size=(4, 8)) * 5.0
    z[0] += 1000.0
    z[1] -= 1000.0
    z[2] = np.linspace(-900.0, 900.0, 8)[rng.permutation(8)]
    return {"z": z}


def _scores_at_zero(rng):
    """X with dyadic entries so that X @ w + b is exact: three rows score exactly 0, the others not."""
    w, b = np.array([0.5, -0.25, 1.0, 0.75]), -0.5
    X = rng.integers(-3, 4, size=(8, 4)).astype(np.float64)
    X[[1, 4, 6]] = [[1.0, 0.0, 0.0, 0.0], [0.0, -2.0, 0.0, 0.0], [1.0, 2.0, 0.5, 0.0]]
    return {"X": X, "w": w, "b": b}


def _separable_first_positive(rng):
    """Separable data (12 examples) reordered so that the first example has label 1."""
    d = pub.separable(12, 3)(rng)
    first = int(np.argmax(d["y"] == 1))
    order = np.r_[first, np.delete(np.arange(len(d["y"])), first)]
    return {**d, "X": d["X"][order], "y": d["y"][order]}


def unchanged(fn, inputs, what, values="values"):
    """A hidden check that ``fn`` leaves its input arrays unchanged; it counts only when ``fn.values`` passes."""
    hint = (
        "do not modify the arguments in place (no `z[...] = ...`, `z -= ...`, `out=z`): compute and return new arrays"
    )
    return unchanged_check(fn, inputs, what, after=values, hint=hint)


def _absent_classes_network(rng):
    """Labels of a mini-batch: 4 classes, only 0 and 1 present (the class count is the network's, not the labels')."""
    data = pub.network(6, 3, 5, 4)(rng)
    data["y"] = np.array([0, 1, 1, 0, 1, 0])
    return data


def _zero_output_network(rng):
    """Isolation: W2 = 0 so the output cannot depend on the hidden layer; catches A1 vs Z1 mix-ups in backward."""
    data = pub.network(5, 3, 4, 2)(rng)
    data["params"]["W2"] = np.zeros_like(data["params"]["W2"])
    return data


CHECKS = [
    Check(
        "sigmoid.extremes",
        "sigmoid",
        "sigmoid on large positive and negative inputs, |z| up to 1000",
        _extremes,
        hint="must return values in [0, 1] of the input's shape for every z: exp(z) / (1 + exp(z)) is inf / inf = nan beyond z = 709",
    ),
    Check(
        "relu_grad.at_zero",
        "relu_grad",
        "relu_grad at exactly zero and around it",
        lambda rng: {"z": np.array([[0.0, -0.0, 1e-12, -1e-12, 2.0], [0.0, 3.0, -3.0, 0.0, 0.5]])},
        hint="the derivative at z == 0 is 0 by this notebook's convention",
    ),
    Check(
        "relu_grad.any_shape",
        "relu_grad",
        "relu_grad on an array that is not 2-D (1-D, 3-D or 4-D)",
        _other_shapes,
        hint="work elementwise on the whole array (z > 0), not with loops over z.shape[0] and z.shape[1]",
    ),
    Check(
        "softmax.stable",
        "softmax",
        "softmax on rows of very different scale (around +1000, -1000, and spread over +-900)",
        _rows_of_different_scale,
        hint="subtract EACH ROW's maximum (axis=-1, keepdims=True) before exponentiating, not the maximum of the whole array",
    ),
    Check(
        "softmax.shape",
        "softmax",
        "softmax on a hidden (9, 2) input",
        pub.normal(9, 2),
        hint="normalise over the last axis (the classes), not over the examples",
    ),
    Check(
        "perceptron_update.no_mistake",
        "perceptron_update",
        "perceptron_update on a correctly classified example",
        lambda rng: {"x": np.abs(rng.normal(size=6)), "y": 1, "w": np.abs(rng.normal(size=6)), "b": 0.2, "lr": 0.7},
        probe=probe_update_no_mistake,
        hint="when y_hat == y nothing changes, and w itself must never be modified in place",
    ),
    Check(
        "perceptron_update.copy",
        "perceptron_update",
        "perceptron_update leaves the caller's w unchanged",
        lambda rng: {"x": np.abs(rng.normal(size=6)), "y": 0, "w": np.abs(rng.normal(size=6)), "b": 0.2, "lr": 0.7},
        probe=probe_update_copy,
        requires=("perceptron_update.values",),
        hint="return w + ..., a new array: `w += ...` modifies the caller's weights",
    ),
    Check(
        "perceptron_predict.at_zero",
        "perceptron_predict",
        "perceptron_predict where some scores X @ w + b are exactly 0",
        _scores_at_zero,
        hint="predict 1 only where the score is strictly positive: a score of exactly 0 predicts 0 (> 0, not >= 0)",
    ),
    Check(
        "perceptron_predict.integers",
        "perceptron_predict",
        "perceptron_predict returns an integer array (of 0 and 1)",
        lambda rng: {"X": rng.normal(size=(5, 3)), "w": rng.normal(size=3), "b": -0.1},
        probe=probe_predict_integers,
        requires=("perceptron_predict.values",),
        hint="convert the comparison to integers: (X @ w + b > 0).astype(np.int64), not the boolean array itself",
    ),
    Check(
        "perceptron_update.at_zero",
        "perceptron_update",
        "perceptron_update on an example of label 0 whose score is exactly 0",
        lambda rng: {"x": np.array([1.0, 2.0, 0.5]), "y": 0, "w": np.array([0.5, -0.25, 1.0]), "b": -0.5, "lr": 0.3},
        hint="y_hat = 1 only if x @ w + b > 0: at a score of exactly 0 the prediction is 0, so nothing changes here",
    ),
    Check(
        "perceptron_update.small_score",
        "perceptron_update",
        "perceptron_update on an example of label 0 with a small positive score",
        lambda rng: {
            "x": np.array([1.0, 0.5, 2.0, 1.0]),
            "y": 0,
            "w": np.array([0.25, -0.5, 0.0, 0.25]),
            "b": 0.25,
            "lr": 0.4,
        },
        hint="the score is x @ w + b (plus the bias) and the threshold is 0",
    ),
    Check(
        "train_perceptron.first_at_zero",
        "train_perceptron",
        "train_perceptron where the first example has label 1 (its score from zero weights is exactly 0)",
        _separable_first_positive,
        hint="from zero weights every score is 0, which predicts 0: the first example of label 1 is a mistake and updates w",
    ),
    Check(
        "train_perceptron.hidden",
        "train_perceptron",
        "train_perceptron on hidden data",
        pub.separable(20, 5),
        hint="start from zeros and visit the examples in order, counting mistakes before each update",
    ),
    Check(
        "logistic_loss.hidden",
        "logistic_loss",
        "logistic_loss on hidden data",
        lambda rng: {"p": rng.uniform(0.01, 0.99, size=11), "y": rng.integers(0, 2, size=11)},
        hint="a single number: the mean over the examples",
    ),
    Check(
        "logistic_gradients.hidden",
        "logistic_gradients",
        "logistic_gradients on hidden data",
        lambda rng: {"X": rng.normal(size=(9, 3)), "y": rng.integers(0, 2, size=9), "w": rng.normal(size=3), "b": -0.4},
        hint="dw = X.T @ (p - y) / m and db = mean(p - y)",
    ),
    Check(
        "init_params.hidden",
        "init_params",
        "init_params with hidden sizes and seed",
        lambda rng: {"n_x": 7, "n_h": 3, "n_y": 2, "seed": int(rng.integers(0, 10_000))},
        hint="use the seed argument, draw W1 then W2",
    ),
    Check(
        "forward.hidden",
        "forward",
        "forward with hidden sizes",
        pub.network(4, 7, 3, 5),
        probe=pub.probe_forward,
        hint="Z1 = X @ W1 + b1 (W1 has shape (n_x, n_h))",
    ),
    Check(
        "cross_entropy.hidden",
        "cross_entropy",
        "cross_entropy on hidden data",
        lambda rng: {"A2": rng.dirichlet(np.ones(4), size=9), "y": rng.integers(0, 4, size=9)},
        hint="use the probability of each example's TRUE class",
    ),
    Check(
        "backward.hidden",
        "backward",
        "backward with hidden sizes",
        pub.network(7, 3, 6, 4),
        probe=pub.probe_backward,
        hint="dW1 = X.T @ dZ1 and db1 sums dZ1 over the examples",
    ),
    Check(
        "backward.absent_classes",
        "backward",
        "backward on a mini-batch whose labels hold 2 of the 4 classes",
        _absent_classes_network,
        probe=pub.probe_backward,
        hint="take the number of classes from the network (cache['A2'].shape[1]), not from the labels: "
        "a mini-batch may lack a class",
    ),
    Check(
        "backward.isolation",
        "backward",
        "backward with W2 = 0 (no gradient may reach W1)",
        _zero_output_network,
        probe=pub.probe_backward,
        hint="dZ1 = (dZ2 @ W2.T) * relu_grad(Z1): with W2 = 0 it must be 0",
    ),
    Check(
        "update_params.copy",
        "update_params",
        "update_params leaves its input parameters unchanged",
        lambda rng: {
            "params": pub.network(3, 5, 4, 3)(rng)["params"],
            "grads": {"d" + k: v for k, v in pub.network(3, 5, 4, 3)(rng)["params"].items()},
            "lr": 0.05,
        },
        probe=pub.probe_update_unchanged,
        requires=("update_params.values",),
        hint="build a new dict; `params[k] -= ...` changes the caller's arrays",
    ),
    Check(
        "train_network.minibatch",
        "train_network",
        "train_network, mini-batches of 4 (the last one smaller)",
        lambda rng: {**pub.network(11, 4, 5, 3)(rng), "lr": 0.3, "epochs": 2, "batch_size": 4, "seed": 11},
        probe=pub.probe_train_network,
        hint="step on order[0:4], order[4:8], order[8:11]",
    ),
    Check(
        "train_network.sgd",
        "train_network",
        "train_network, stochastic (batch size 1)",
        lambda rng: {**pub.network(6, 3, 4, 2)(rng), "lr": 0.05, "epochs": 2, "batch_size": 1, "seed": 5},
        probe=pub.probe_train_network,
        hint="one example per step, in the order of one permutation per epoch",
    ),
    Check(
        "texts_to_ids.truncate",
        "texts_to_ids",
        "texts_to_ids with unknown words and texts longer than max_len",
        lambda rng: {
            "texts": pub.TEXTS[2:],
            "vocab": {"<pad>": 0, "<unk>": 1, "the": 2, "and": 3, "of": 4, "name": 5},
            "max_len": 5,
        },
        probe=probe_texts_to_ids_shape_only,
        hint="cut each text to its first max_len tokens",
    ),
    Check(
        "build_vocabulary.hidden",
        "build_vocabulary",
        "build_vocabulary with a hidden size",
        lambda rng: {"texts": pub.TEXTS[::-1], "max_size": 20},
        probe=pub.probe_build_vocabulary,
        hint="max_size counts the two reserved ids",
    ),
    Check(
        "build_classifier.hidden",
        "build_classifier",
        "the model from build_classifier with hidden sizes",
        lambda rng: {
            "vocab_size": 31,
            "embed_dim": 5,
            "hidden_units": 9,
            "n_classes": 4,
            "sample_input": pub.classifier_ids(rng, 31, n=4, t=7),
        },
        probe=pub.probe_classifier,
        verdict=same_model,
        hint="use the arguments for every size",
    ),
    Check(
        "build_classifier.input",
        "build_classifier",
        "the Input of the model from build_classifier(40, 8, 6, 3): its dtype and shape",
        lambda rng: {"vocab_size": 40, "embed_dim": 8, "hidden_units": 6, "n_classes": 3},
        probe=probe_classifier_input,
        hint='start with keras.Input(shape=(None,), dtype="int32"): token ids are integers, of any length',
    ),
    Check(
        "build_classifier.training",
        "build_classifier",
        "a short training run of your classifier on 16 examples",
        lambda rng: {
            "vocab_size": 40,
            "embed_dim": 8,
            "hidden_units": 16,
            "n_classes": 2,
            "epochs": 25,
            "ids": np.concatenate([rng.integers(2, 20, size=(8, 6)), rng.integers(20, 40, size=(8, 6))]).astype(
                np.int32
            ),
            "labels": np.array([0] * 8 + [1] * 8),
        },
        probe=pub.probe_classifier_training,
        verdict=loss_falls,
        reference=False,
        hint="the model must be compiled so that fit() lowers the loss: softmax output with SparseCategoricalCrossentropy()",
    ),
    unchanged("sigmoid", pub.normal(5, 4, scale=2.0), "z (5, 4)"),
    unchanged("sigmoid_grad", pub.normal(5, 4, scale=2.0), "z (5, 4)"),
    unchanged("relu", pub.normal(5, 4), "z (5, 4)"),
    unchanged("relu_grad", pub.normal(5, 4), "z (5, 4)"),
    unchanged("tanh_grad", pub.normal(5, 4), "z (5, 4)"),
    unchanged("softmax", pub.normal(5, 4, scale=2.0), "z (5, 4)"),
    unchanged(
        "perceptron_predict", lambda rng: {"X": rng.normal(size=(6, 4)), "w": rng.normal(size=4), "b": 0.3}, "X, w, b"
    ),
    unchanged("train_perceptron", pub.separable(12, 3), "X, y, epochs, lr"),
    unchanged(
        "logistic_forward", lambda rng: {"X": rng.normal(size=(7, 4)), "w": rng.normal(size=4), "b": -0.2}, "X, w, b"
    ),
    unchanged(
        "logistic_loss", lambda rng: {"p": rng.uniform(0.05, 0.95, size=7), "y": rng.integers(0, 2, size=7)}, "p, y"
    ),
    unchanged(
        "logistic_gradients",
        lambda rng: {"X": rng.normal(size=(7, 4)), "y": rng.integers(0, 2, size=7), "w": rng.normal(size=4), "b": 0.1},
        "X, y, w, b",
    ),
    unchanged("forward", lambda rng: {k: v for k, v in pub.network(6, 5, 4, 3)(rng).items() if k != "y"}, "X, params"),
    unchanged(
        "cross_entropy", lambda rng: {"A2": rng.dirichlet(np.ones(3), size=6), "y": rng.integers(0, 3, size=6)}, "A2, y"
    ),
    unchanged("backward", pub.network_with_cache(6, 5, 4, 3), "X, y, params, cache"),
    unchanged(
        "train_network",
        lambda rng: {**pub.network(10, 5, 4, 3)(rng), "lr": 0.5, "epochs": 2, "batch_size": 4, "seed": 3},
        "X, y, params, ...",
    ),
]
