"""Public checks of assignment 1 (released: students run them with `autograder check`)."""

import numpy as np

from autograder.checks import Check, gradients_agree, same_model, same_numpy_value

PUBLIC = "public"


def normal(*shape, scale=1.0):
    """Inputs builder: one float64 array ``z`` of the given shape."""
    return lambda rng: {"z": rng.normal(size=shape) * scale}


def classification(m, n, k=2):
    """Inputs builder: X (m, n), integer labels y (m,) in [0, k)."""

    def build(rng):
        return {"X": rng.normal(size=(m, n)), "y": rng.integers(0, k, size=m)}

    return build


def separable(m, n):
    """A linearly separable 0/1 problem for the perceptron."""

    def build(rng):
        w_true = rng.normal(size=n)
        X = rng.normal(size=(m, n))
        X = X[np.abs(X @ w_true) > 0.3][:m]
        return {"X": X, "y": (X @ w_true > 0).astype(np.int64), "epochs": 5, "lr": 0.5}

    return build


def network(m, n_x, n_h, k):
    """Inputs builder: data and initial parameters of the two-layer network."""

    def build(rng):
        params = {
            "W1": rng.normal(size=(n_x, n_h)) * 0.7,
            "b1": rng.normal(size=n_h) * 0.1,
            "W2": rng.normal(size=(n_h, k)) * 0.7,
            "b2": rng.normal(size=k) * 0.1,
        }
        return {"X": rng.normal(size=(m, n_x)), "y": rng.integers(0, k, size=m), "params": params}

    return build


def network_with_cache(m, n_x, n_h, k):
    """Inputs builder: the network's data and parameters with the forward cache computed here (in
    the grader, by the documented formulas), so that backward can be called on its own."""

    def build(rng):
        d = network(m, n_x, n_h, k)(rng)
        p = d["params"]
        Z1 = d["X"] @ p["W1"] + p["b1"]
        A1 = np.maximum(0.0, Z1)
        Z2 = A1 @ p["W2"] + p["b2"]
        e = np.exp(Z2 - Z2.max(axis=-1, keepdims=True))
        return {**d, "cache": {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": e / e.sum(axis=-1, keepdims=True)}}

    return build


def probe_forward(ns, target, inputs):
    """forward(X, params) -> the probabilities and the four cached arrays."""
    A2, cache = ns[target](inputs["X"].copy(), {k: v.copy() for k, v in inputs["params"].items()})
    return {"A2": A2, **{k: cache[k] for k in ("Z1", "A1", "Z2", "A2")}}


def probe_backward(ns, target, inputs):
    """backward on the cache of the reference-independent forward computed here (student's own forward)."""
    params = {k: v.copy() for k, v in inputs["params"].items()}
    _, cache = ns["forward"](inputs["X"].copy(), params)
    return ns[target](inputs["X"].copy(), inputs["y"].copy(), params, cache)


def probe_backward_numeric(ns, target, inputs):
    """The student's backward against centred differences of their forward + cross_entropy (float64)."""

    X, y = inputs["X"], inputs["y"]
    params = {k: v.copy() for k, v in inputs["params"].items()}
    _, cache = ns["forward"](X.copy(), params)
    grads = ns[target](X.copy(), y.copy(), params, cache)

    def cost(p):
        return float(ns["cross_entropy"](ns["forward"](X.copy(), p)[0], y.copy()))

    from autograder.checks import against_differences

    return against_differences(cost, params, grads, {name: "d" + name for name in ("W1", "b1", "W2", "b2")})


def probe_logistic_numeric(ns, target, inputs):
    """The student's logistic gradients against centred differences of their forward + loss."""
    import numpy as np

    X, y, w, b = inputs["X"], inputs["y"], inputs["w"], inputs["b"]
    dw, db = ns[target](X.copy(), y.copy(), w.copy(), b)

    def cost(w_, b_):
        return float(ns["logistic_loss"](ns["logistic_forward"](X.copy(), w_, b_), y.copy()))

    eps = 1e-6
    num_w = np.array([(cost(w + eps * e, b) - cost(w - eps * e, b)) / (2 * eps) for e in np.eye(w.size)])
    num_b = (cost(w, b + eps) - cost(w, b - eps)) / (2 * eps)
    analytic = np.concatenate([np.ravel(np.asarray(dw, dtype=np.float64)), np.ravel(np.asarray(db, dtype=np.float64))])
    return {"analytic": analytic, "numeric": np.concatenate([num_w, [num_b]])}


def probe_train_network(ns, target, inputs):
    """train_network with copies of the inputs; returns its parameters and costs."""
    params = {k: v.copy() for k, v in inputs["params"].items()}
    out_params, costs = ns[target](
        inputs["X"].copy(),
        inputs["y"].copy(),
        params,
        inputs["lr"],
        inputs["epochs"],
        inputs["batch_size"],
        inputs["seed"],
    )
    return {"params": {k: out_params[k] for k in ("W1", "b1", "W2", "b2")}, "costs": costs}


def probe_update_unchanged(ns, target, inputs):
    """Whether update_params left its input dict's arrays untouched."""
    import numpy as np

    params = {k: v.copy() for k, v in inputs["params"].items()}
    ns[target](params, {k: v.copy() for k, v in inputs["grads"].items()}, inputs["lr"])
    return all(np.array_equal(params[k], inputs["params"][k]) for k in params)


def probe_build_vocabulary(ns, target, inputs):
    """The vocabulary as a sorted list of (token, id) pairs."""
    vocab = ns[target](list(inputs["texts"]), inputs["max_size"])
    return {str(k): int(v) for k, v in vocab.items()}


def probe_texts_to_ids(ns, target, inputs):
    """texts_to_ids with the vocabulary rebuilt from plain data."""
    vocab = {str(k): int(v) for k, v in inputs["vocab"].items()}
    return ns[target](list(inputs["texts"]), vocab, inputs["max_len"])


def probe_classifier(ns, target, inputs):
    """Builds the student's classifier and describes its layers, compile arguments and its outputs
    on ``sample_input`` with fixed weights (see autograder.checks.describe_model)."""
    from autograder.checks import build_and_describe

    return build_and_describe(ns, target, inputs)


def probe_classifier_training(ns, target, inputs):
    """Trains the student's classifier for a few epochs on a tiny batch; returns the losses."""

    from autograder.checks import epoch_losses

    model = ns[target](inputs["vocab_size"], inputs["embed_dim"], inputs["hidden_units"], inputs["n_classes"])
    return epoch_losses(model, inputs["ids"], inputs["labels"], epochs=inputs["epochs"])


def classifier_ids(rng, vocab_size, n=3, t=6):
    """Token ids (n, t), int32, with post-padding (0) of different lengths, for a classifier's outputs."""
    ids = rng.integers(2, vocab_size, size=(n, t)).astype(np.int32)
    for i in range(n):
        ids[i, t - i :] = 0
    return ids


TEXTS = [
    "To be, or not to be: that is the question.",
    "The lady doth protest too much, methinks.",
    "All the world's a stage, and all the men and women merely players.",
    "If music be the food of love, play on.",
    "Now is the winter of our discontent.",
    "What's in a name? That which we call a rose by any other name would smell as sweet.",
]

CHECKS = [
    Check(
        "sigmoid.values",
        "sigmoid",
        "sigmoid(z) for z of shape (6, 5)",
        normal(6, 5, scale=3.0),
        verdict=same_numpy_value,
        hint="1 / (1 + np.exp(-z)), elementwise",
    ),
    Check(
        "sigmoid_grad.values",
        "sigmoid_grad",
        "sigmoid_grad(z) for z of shape (6, 5)",
        normal(6, 5, scale=3.0),
        hint="sigmoid(z) * (1 - sigmoid(z))",
    ),
    Check("relu.values", "relu", "relu(z) for z of shape (6, 5)", normal(6, 5), hint="np.maximum(0, z)"),
    Check(
        "relu_grad.values",
        "relu_grad",
        "relu_grad(z) for z of shape (6, 5)",
        normal(6, 5),
        hint="1.0 where z > 0, else 0.0, as floats",
    ),
    Check(
        "tanh_grad.values", "tanh_grad", "tanh_grad(z) for z of shape (6, 5)", normal(6, 5), hint="1 - np.tanh(z) ** 2"
    ),
    Check(
        "softmax.values",
        "softmax",
        "softmax(z) for z of shape (6, 5)",
        normal(6, 5, scale=2.0),
        hint="exponentiate, then divide each row by its sum: axis=-1 with keepdims=True",
    ),
    Check(
        "perceptron_predict.values",
        "perceptron_predict",
        "perceptron_predict(X (6, 4), w, b)",
        lambda rng: {"X": rng.normal(size=(6, 4)), "w": rng.normal(size=4), "b": 0.3},
        hint="1 where X @ w + b > 0, else 0, as integers",
    ),
    Check(
        "perceptron_update.values",
        "perceptron_update",
        "perceptron_update on a misclassified example",
        lambda rng: {"x": np.abs(rng.normal(size=5)), "y": 1, "w": -np.abs(rng.normal(size=5)), "b": -0.5, "lr": 0.3},
        hint="w + lr * (y - y_hat) * x and b + lr * (y - y_hat), with y_hat from the step function",
    ),
    Check(
        "train_perceptron.values",
        "train_perceptron",
        "train_perceptron on 12 separable examples, 5 epochs",
        separable(12, 3),
        hint="start from zeros and visit the examples in order, counting mistakes before each update",
    ),
    Check(
        "logistic_forward.values",
        "logistic_forward",
        "logistic_forward(X (7, 4), w, b)",
        lambda rng: {"X": rng.normal(size=(7, 4)), "w": rng.normal(size=4), "b": -0.2},
        hint="sigmoid(X @ w + b)",
    ),
    Check(
        "logistic_loss.values",
        "logistic_loss",
        "logistic_loss(p (7,), y)",
        lambda rng: {"p": rng.uniform(0.05, 0.95, size=7), "y": rng.integers(0, 2, size=7)},
        hint="the MEAN over examples of -(y log p + (1 - y) log(1 - p)), a single number",
    ),
    Check(
        "logistic_gradients.values",
        "logistic_gradients",
        "logistic_gradients(X (7, 4), y, w, b)",
        lambda rng: {"X": rng.normal(size=(7, 4)), "y": rng.integers(0, 2, size=7), "w": rng.normal(size=4), "b": 0.1},
        hint="dw = X.T @ (p - y) / m and db = mean(p - y)",
    ),
    Check(
        "logistic_gradients.numeric",
        "logistic_gradients",
        "logistic_gradients against finite differences",
        lambda rng: {"X": rng.normal(size=(7, 4)), "y": rng.integers(0, 2, size=7), "w": rng.normal(size=4), "b": 0.1},
        probe=probe_logistic_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("logistic_gradients.values", "logistic_forward.values", "logistic_loss.values"),
        hint="your gradient must be the derivative of YOUR logistic_loss: check the 1/m factor and the sign",
    ),
    Check(
        "init_params.values",
        "init_params",
        "init_params(5, 4, 3, seed=7)",
        lambda rng: {"n_x": 5, "n_h": 4, "n_y": 3, "seed": 7},
        hint="one default_rng(seed); W1 first, then W2; scale by sqrt(2 / n_x) and sqrt(1 / n_h); zero biases",
    ),
    Check(
        "forward.values",
        "forward",
        "forward(X (6, 5), params with 4 hidden units and 3 classes)",
        network(6, 5, 4, 3),
        probe=probe_forward,
        hint="Z1 = X @ W1 + b1, A1 = relu(Z1), Z2 = A1 @ W2 + b2, A2 = softmax(Z2)",
    ),
    Check(
        "cross_entropy.values",
        "cross_entropy",
        "cross_entropy(A2 (6, 3), y)",
        lambda rng: {"A2": rng.dirichlet(np.ones(3), size=6), "y": rng.integers(0, 3, size=6)},
        hint="pick A2[i, y[i]] for each row, take -log, then the mean",
    ),
    Check(
        "backward.values",
        "backward",
        "backward(X (6, 5), y, params, cache)",
        network(6, 5, 4, 3),
        probe=probe_backward,
        hint="dZ2 = (A2 - one_hot(y)) / m; multiply by relu_grad(Z1) on the way back",
    ),
    Check(
        "backward.numeric",
        "backward",
        "backward against finite differences of forward + cross_entropy",
        network(4, 3, 5, 2),
        probe=probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("backward.values", "forward.values", "cross_entropy.values"),
        hint="your gradients must match the slope of your own cost: check the 1/m factor and the transposes",
    ),
    Check(
        "update_params.values",
        "update_params",
        "update_params(params, grads, lr=0.1)",
        lambda rng: {
            "params": network(3, 5, 4, 3)(rng)["params"],
            "grads": {"d" + k: v for k, v in network(3, 5, 4, 3)(rng)["params"].items()},
            "lr": 0.1,
        },
        hint="P - lr * dP for each of W1, b1, W2, b2, in a new dict",
    ),
    Check(
        "train_network.values",
        "train_network",
        "train_network, batch gradient descent, 3 epochs",
        lambda rng: {**network(10, 5, 4, 3)(rng), "lr": 0.5, "epochs": 3, "batch_size": 10, "seed": 3},
        probe=probe_train_network,
        hint="one default_rng(seed), one permutation per epoch, cost on all of X after each epoch",
    ),
    Check(
        "build_vocabulary.values",
        "build_vocabulary",
        "build_vocabulary(6 lines of Shakespeare, max_size=12)",
        lambda rng: {"texts": TEXTS, "max_size": 12},
        probe=probe_build_vocabulary,
        hint="'<pad>': 0, '<unk>': 1, then the most frequent tokens from id 2, ties in alphabetical order",
    ),
    Check(
        "texts_to_ids.values",
        "texts_to_ids",
        "texts_to_ids(3 texts, a 10-word vocabulary, max_len=12)",
        lambda rng: {
            "texts": TEXTS[:3],
            "vocab": {
                "<pad>": 0,
                "<unk>": 1,
                "the": 2,
                "to": 3,
                "be": 4,
                "and": 5,
                "all": 6,
                "is": 7,
                "or": 8,
                "not": 9,
            },
            "max_len": 12,
        },
        probe=probe_texts_to_ids,
        hint="unknown tokens -> 1; cut to max_len; pad with 0 at the END",
    ),
    Check(
        "build_classifier.structure",
        "build_classifier",
        "the model from build_classifier(50, 8, 6, 3)",
        lambda rng: {"vocab_size": 50, "embed_dim": 8, "hidden_units": 6, "n_classes": 3},
        probe=probe_classifier,
        verdict=same_model,
        hint="Embedding(mask_zero=True), GlobalAveragePooling1D, Dense(relu), Dense(softmax); Adam(0.01) and SparseCategoricalCrossentropy()",
    ),
]
