"""Public checks of assignment 10 (released: students self-check with them).

Sizes are all distinct (7 words, 3 dimensions), so a sum over the wrong axis or a missing transpose
changes the shape or the values. Count matrices are not symmetric, have zeros (log of zero counts)
and entries below, at and above x_max (the cap of f); biases are not zero.
"""

import numpy as np

from autograder.checks import Check, gradients_agree, loss_falls

PARAMS = ("W", "W_tilde", "b", "b_tilde")


def id_sentences(lengths, vocab_size, window=2):
    """Inputs of cooccurrence: sentences (lists of ids) of the given lengths, each longer one with an
    id repeated at distance 2, or 1 when the window is 1 (the diagonal, inside the window), and the
    largest id at the end of the longest sentence."""

    def build(rng):
        sentences = []
        gap = min(window, 2)
        for n in lengths:
            s = [int(i) for i in rng.integers(0, vocab_size, size=n)]
            if n >= 3:
                s[gap] = s[0]
            sentences.append(s)
        longest = max(range(len(sentences)), key=lambda k: len(sentences[k]))
        sentences[longest][-1] = vocab_size - 1  # the largest id occurs: only unused_ids tests X's size
        return {"id_sentences": sentences, "vocab_size": vocab_size, "window": window}

    return build


def counts(rng, shape, x_max, zeros=0.4):
    """Counts of the given shape: fractions (as 1/d makes them), a share of zeros, some entries
    exactly x_max and some above it."""
    X = rng.integers(1, 12, size=shape) / rng.integers(1, 4, size=shape)
    X = X * rng.uniform(0.2, 1.2 * x_max / 6, size=shape)
    X[rng.random(shape) < zeros] = 0.0
    flat = X.reshape(-1)
    picks = rng.permutation(flat.size)[:4]
    flat[picks[:2]] = x_max
    flat[picks[2:]] = x_max * rng.uniform(1.5, 3.0, size=2)
    return flat.reshape(shape)


def weighting_inputs(shape, x_max=10.0, alpha=0.6, defaults=False):
    def build(rng):
        X = counts(rng, shape, x_max)
        return {"X": X} if defaults else {"X": X, "x_max": x_max, "alpha": alpha}

    return build


def params(rng, vocab_size, dim, scale=0.5):
    """GloVe parameters with nonzero biases (float64)."""
    return {
        "W": rng.normal(size=(vocab_size, dim)) * scale,
        "W_tilde": rng.normal(size=(vocab_size, dim)) * scale,
        "b": rng.normal(size=vocab_size),
        "b_tilde": rng.normal(size=vocab_size),
    }


def loss_inputs(vocab_size, dim, x_max=10.0, alpha=0.75, defaults=False, zeros=0.4):
    """Inputs of glove_loss, glove_gradients and glove_loss_tf."""

    def build(rng):
        out = params(rng, vocab_size, dim)
        out["X"] = counts(rng, (vocab_size, vocab_size), x_max, zeros)
        if not defaults:
            out.update(x_max=x_max, alpha=alpha)
        return out

    return build


def adagrad_inputs(vocab_size, dim, lr=0.1, low=1.0, high=3.0):
    """Parameters, gradients and accumulators (not 1: a step in the middle of training)."""

    def build(rng):
        p = params(rng, vocab_size, dim)
        grads = {k: v * 3.0 for k, v in params(rng, vocab_size, dim).items()}
        accum = {k: rng.uniform(low, high, size=v.shape) for k, v in p.items()}
        return {"params": p, "grads": grads, "accum": accum, "lr": lr}

    return build


def train_inputs(vocab_size, dim, epochs, lr=0.1, x_max=10.0, alpha=0.75, seed=3, defaults=False):
    def build(rng):
        X = counts(rng, (vocab_size, vocab_size), x_max)
        if defaults:
            return {"X": X, "dim": dim, "epochs": epochs}
        return {"X": X, "dim": dim, "epochs": epochs, "lr": lr, "x_max": x_max, "alpha": alpha, "seed": seed}

    return build


def vectors_inputs(vocab_size, dim):
    """Trained parameters as train_glove returns them (with their losses, to be ignored)."""

    def build(rng):
        return {"params": {**params(rng, vocab_size, dim), "losses": rng.uniform(1.0, 9.0, size=5)}}

    return build


def probe_float(ns, target, inputs):
    """The function's value and whether it is a Python float (np.float64 is one; an array is not)."""
    from autograder.checks import copy_inputs

    out = ns[target](**copy_inputs(inputs))
    return {"value": out, "is_float": isinstance(out, float)}


def probe_tf(ns, target, inputs):
    """glove_loss_tf with the parameters as float64 tensors (X stays a numpy array): its value and
    whether it is a tensor."""
    import tensorflow as tf

    from autograder.checks import copy_inputs

    args = copy_inputs(inputs)
    for key in ("W", "W_tilde", "b", "b_tilde"):
        if inputs.get("as_tensors", True):
            args[key] = tf.constant(args[key])
    args.pop("as_tensors", None)
    out = ns[target](**args)
    return {"value": out, "is_tensor": bool(tf.is_tensor(out))}


def probe_tf_gradients(ns, target, inputs):
    """tf.GradientTape's gradients of the function's loss by tf.Variable parameters (dense float64
    arrays; None where the tape found no gradient)."""
    import numpy as np
    import tensorflow as tf

    names = ("W", "W_tilde", "b", "b_tilde")
    variables = {k: tf.Variable(inputs[k].copy()) for k in names}
    rest = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in inputs.items() if k not in names}
    with tf.GradientTape() as tape:
        loss = ns[target](**variables, **rest)
    grads = tape.gradient(loss, [variables[k] for k in names])
    return {
        k: None if g is None else np.asarray(tf.convert_to_tensor(g), dtype=np.float64) for k, g in zip(names, grads)
    }


def probe_numeric(ns, target, inputs):
    """The student's glove_gradients against centred finite differences of their own glove_loss."""
    from autograder.checks import against_differences, copy_inputs

    names = ("W", "W_tilde", "b", "b_tilde")
    grads = ns[target](**copy_inputs(inputs))
    base = {k: inputs[k].copy() for k in names}
    rest = {k: v for k, v in inputs.items() if k not in names}

    def loss(p):
        return float(ns["glove_loss"](**p, **copy_inputs(rest)))

    return against_differences(loss, base, grads, {k: k for k in names})


def probe_tape(ns, target, inputs):
    """The student's glove_gradients against tf.GradientTape's gradients of their own glove_loss_tf
    (as "analytic" and "numeric", for gradients_agree); a tape that finds no finite gradient raises."""
    import numpy as np
    import tensorflow as tf

    from autograder.checks import copy_inputs

    names = ("W", "W_tilde", "b", "b_tilde")
    grads = ns[target](**copy_inputs(inputs))
    variables = {k: tf.Variable(inputs[k].copy()) for k in names}
    rest = copy_inputs({k: v for k, v in inputs.items() if k not in names})
    with tf.GradientTape() as tape:
        loss = ns["glove_loss_tf"](**variables, **rest)
    taped = tape.gradient(loss, [variables[k] for k in names])
    for k, g in zip(names, taped):
        if g is None or not np.all(np.isfinite(np.asarray(tf.convert_to_tensor(g)))):
            raise ValueError(f"tf.GradientTape gave no finite gradient of your glove_loss_tf by {k}")
    return {
        "analytic": np.concatenate([np.ravel(np.asarray(grads[k], dtype=np.float64)) for k in names]),
        "numeric": np.concatenate([np.ravel(np.asarray(tf.convert_to_tensor(g), dtype=np.float64)) for g in taped]),
    }


def probe_losses(ns, target, inputs):
    """train_glove's losses per epoch (for loss_falls)."""
    import numpy as np

    from autograder.checks import copy_inputs

    return np.asarray(ns[target](**copy_inputs(inputs))["losses"], dtype=np.float64)


def learnable_counts(rng):
    """Co-occurrence counts of 40 sentences over 8 words in which each word is mostly followed by
    the next one: 60 full-batch epochs bring the loss well below half its first value."""
    sentences = []
    for _ in range(40):
        start = int(rng.integers(0, 8))
        sentences.append([(start + k + int(rng.random() < 0.15)) % 8 for k in range(6)])
    X = np.zeros((8, 8))
    for s in sentences:
        for t in range(len(s)):
            for u in range(max(0, t - 2), min(len(s), t + 3)):
                if u != t:
                    X[s[t], s[u]] += 1.0 / abs(t - u)
    return {"X": X, "dim": 4, "epochs": 60, "lr": 0.2, "x_max": 10.0, "alpha": 0.75, "seed": 0}


CHECKS = [
    Check(
        "cooccurrence.values",
        "cooccurrence",
        "cooccurrence of 4 sentences (7, 1, 2 and 5 ids), vocab_size=9, window=2",
        id_sentences((7, 1, 2, 5), 9),
        hint="for each position t, the positions s != t with |t - s| <= window on BOTH sides, inside the sentence, add 1 / |t - s| to X[x_t, x_s]",
    ),
    Check(
        "weighting.values",
        "weighting",
        "weighting of a (5, 7) array of counts, x_max=10, alpha=0.6",
        weighting_inputs((5, 7)),
        hint="(X / x_max) ** alpha, then every entry with X >= x_max set to 1 (np.minimum(..., 1.0) does both)",
    ),
    Check(
        "glove_loss.values",
        "glove_loss",
        "glove_loss with V=7, d=3, x_max=10, alpha=0.75",
        loss_inputs(7, 3),
        probe=probe_float,
        hint="sum f(X_ij) * (w_i . w~_j + b_i + b~_j - log X_ij) ** 2 over the entries with X_ij > 0 only, as a float",
    ),
    Check(
        "glove_gradients.values",
        "glove_gradients",
        "glove_gradients with V=7, d=3, x_max=10, alpha=0.75",
        loss_inputs(7, 3),
        hint="F = f(X) * e where X > 0, else 0; dW = 2 F @ W_tilde, dW_tilde = 2 F.T @ W, db and db_tilde the row and column sums of 2 F",
    ),
    Check(
        "glove_gradients.numeric",
        "glove_gradients",
        "glove_gradients against finite differences of your glove_loss",
        loss_inputs(5, 2, x_max=6.0),
        probe=probe_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("glove_gradients.values", "glove_loss.values"),
        hint="your gradients must be the slopes of YOUR glove_loss: check the factor 2, f, the biases and which of W, W_tilde each uses",
    ),
    Check(
        "glove_loss_tf.values",
        "glove_loss_tf",
        "glove_loss_tf with V=7, d=3 (parameters as float64 tensors)",
        loss_inputs(7, 3),
        probe=probe_tf,
        hint="the same J as glove_loss, written in TensorFlow operations, returned as a 0-d float64 tf.Tensor",
    ),
    Check(
        "glove_loss_tf.tape",
        "glove_loss_tf",
        "tf.GradientTape's gradients of glove_loss_tf by tf.Variable parameters, V=7, d=3",
        loss_inputs(7, 3),
        probe=probe_tf_gradients,
        hint="use TensorFlow operations on the parameters (no .numpy() or np.*) and select the nonzero counts before the log",
    ),
    Check(
        "glove_gradients.tape",
        "glove_gradients",
        "glove_gradients against tf.GradientTape on your glove_loss_tf",
        loss_inputs(6, 4, x_max=8.0),
        probe=probe_tape,
        verdict=gradients_agree,
        reference=False,
        requires=("glove_gradients.values", "glove_loss_tf.values"),
        hint="your hand gradients must equal what tf.GradientTape finds on your glove_loss_tf: check the factor 2, f, the biases and F against F.T",
    ),
    Check(
        "adagrad_step.values",
        "adagrad_step",
        "adagrad_step with V=7, d=3, accumulators between 1 and 3, lr=0.1",
        adagrad_inputs(7, 3),
        hint="new accumulator G + g ** 2 first, then theta - lr * g / sqrt(of that NEW accumulator), for every key, in new dicts",
    ),
    Check(
        "train_glove.values",
        "train_glove",
        "train_glove on a (7, 7) count matrix, dim=3, epochs=4, lr=0.1, x_max=10, seed=3",
        train_inputs(7, 3, 4),
        hint="init_params(V, dim, seed), accumulators of ones made once before the loop, then per epoch: the loss, the gradients, one adagrad_step",
    ),
    Check(
        "train_glove.training",
        "train_glove",
        "train_glove's losses over 60 epochs on learnable counts (8 words, dim=4, lr=0.2)",
        learnable_counts,
        probe=probe_losses,
        verdict=loss_falls,
        reference=False,
        requires=("train_glove.values",),
        hint="record the loss before each step and keep the parameters and accumulators from one epoch to the next",
    ),
    Check(
        "glove_vectors.values",
        "glove_vectors",
        "glove_vectors of parameters with V=7, d=3",
        vectors_inputs(7, 3),
        hint="the sum params['W'] + params['W_tilde'], a new (V, d) array",
    ),
]
