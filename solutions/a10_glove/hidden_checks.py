"""Hidden checks of assignment 10 (never released): other sizes, windows of 1 and longer than every
sentence, empty sentences, repeated ids, counts at and above x_max, other x_max and alpha, the
defaults, accumulators far from 1, several epochs, and gradients on other inputs."""

import numpy as np

from autograder.checks import Check, gradients_agree, sibling

pub = sibling(__file__, "public_checks")


def sentences_with_empties(rng):
    """Empty sentences, a one-word sentence and a sentence of one id repeated (the diagonal only)."""
    return {
        "id_sentences": [
            [],
            [int(rng.integers(0, 6))],
            [],
            [int(i) for i in rng.integers(0, 5, size=4)] + [5],  # the largest id occurs
            [4, 4, 4],
            [],
        ],
        "vocab_size": 6,
        "window": 2,
    }


def repeated_ids(rng):
    """Sentences over 4 ids, most of them repeated several times at distances 1 to 3."""
    return {
        "id_sentences": [[int(i) for i in rng.integers(0, 4, size=n)] + [3] for n in (8, 6, 9)],
        "vocab_size": 4,
        "window": 3,
    }


def unused_ids(rng):
    """Ids drawn from the first half of the vocabulary: the last rows and columns of X are zero."""
    return {
        "id_sentences": [[int(i) for i in rng.integers(0, 5, size=n)] for n in (6, 3, 7)],
        "vocab_size": 12,
        "window": 2,
    }


def no_pairs(rng):
    """Only empty and one-word sentences (ids below the largest ones): no pair at all, X is all zeros."""
    return {"id_sentences": [[], [int(rng.integers(0, 3))], []], "vocab_size": 5, "window": 3}


def capped(rng):
    """Most counts at or above x_max = 4 (some exactly 4), the rest below it, zeros included."""
    X = rng.choice([0.0, 0.5, 1.0, 2.5, 4.0, 4.0, 6.0, 13.0], size=(6, 4))
    return {"X": X, "x_max": 4.0, "alpha": 0.5}


def default_counts(rng):
    """Counts around the default x_max = 100 (entries exactly 100, above and below), no arguments but X."""
    X = rng.uniform(0.0, 180.0, size=(4, 9))
    X[0, :3] = [100.0, 0.0, 99.5]
    return {"X": X}


def zero_rows(vocab_size, dim, x_max=5.0, alpha=0.6):
    """Counts with a word that co-occurs with nothing (a zero row and column) and a mostly zero matrix."""

    def build(rng):
        out = pub.loss_inputs(vocab_size, dim, x_max, alpha, zeros=0.6)(rng)
        k = int(rng.integers(0, vocab_size))
        out["X"][k, :] = 0.0
        out["X"][:, k] = 0.0
        return out

    return build


def zero_gradient(rng):
    """A step where b_tilde's gradient is all zero: its entries and accumulators stay as they were."""
    out = pub.adagrad_inputs(5, 4, lr=0.3, low=2.0, high=50.0)(rng)
    out["grads"]["b_tilde"] = np.zeros(5)
    return out


def symmetric_counts(vocab_size, dim, epochs, **kwargs):
    """train_glove on counts made by cooccurrence (symmetric), with one pair repeated often enough that
    its count is above x_max = 5 (the cap)."""

    def build(rng):
        sentences = [[int(i) for i in rng.integers(0, vocab_size, size=n)] for n in (9, 4, 12, 7)]
        sentences.append([int(i) for i in rng.choice(vocab_size, size=2, replace=False)] * 6)
        X = np.zeros((vocab_size, vocab_size))
        for s in sentences:
            for t in range(len(s)):
                for u in range(max(0, t - 3), min(len(s), t + 4)):
                    if u != t:
                        X[s[t], s[u]] += 1.0 / abs(t - u)
        return {"X": X, "dim": dim, "epochs": epochs, **kwargs}

    return build


def tf_numpy_inputs(vocab_size, dim, x_max=3.0, alpha=0.5):
    """glove_loss_tf called with numpy arrays (the docstring allows them), other sizes."""

    def build(rng):
        return {**pub.loss_inputs(vocab_size, dim, x_max, alpha)(rng), "as_tensors": False}

    return build


CHECKS = [
    Check(
        "cooccurrence.hidden",
        "cooccurrence",
        "cooccurrence on hidden sentences, window=3",
        pub.id_sentences((9, 4, 2, 12, 1), 11, window=3),
        hint="do not hard-code sizes: X is (vocab_size, vocab_size) and the window is the argument, on both sides",
    ),
    Check(
        "cooccurrence.window_one",
        "cooccurrence",
        "cooccurrence with window=1",
        pub.id_sentences((6, 3, 8), 7, window=1),
        hint="window=1 counts only neighbours (distance 1, each adding 1), on both sides",
    ),
    Check(
        "cooccurrence.long_window",
        "cooccurrence",
        "cooccurrence with a window longer than every sentence",
        pub.id_sentences((5, 3, 7), 8, window=10),
        hint="the window stops at the sentence's edges: never count a pair across two sentences",
    ),
    Check(
        "cooccurrence.empty",
        "cooccurrence",
        "cooccurrence with empty and one-word sentences",
        sentences_with_empties,
        hint="an empty or one-word sentence adds nothing; the same id at two positions adds to the diagonal",
    ),
    Check(
        "cooccurrence.repeats",
        "cooccurrence",
        "cooccurrence of sentences over 4 ids, many repeated",
        repeated_ids,
        hint="the same id at positions t and s adds 1 / |t - s| to the diagonal X[i, i], once from each end",
    ),
    Check(
        "cooccurrence.unused_ids",
        "cooccurrence",
        "cooccurrence where the largest ids never occur",
        unused_ids,
        hint="X has vocab_size rows and columns, also when the largest ids never occur",
    ),
    Check(
        "cooccurrence.no_pairs",
        "cooccurrence",
        "cooccurrence of sentences with no pair",
        no_pairs,
        hint="with no pair at all, X is a (vocab_size, vocab_size) array of zeros, float64",
    ),
    Check(
        "weighting.hidden",
        "weighting",
        "weighting of a (2, 3, 4) array, x_max=5, alpha=0.5",
        pub.weighting_inputs((2, 3, 4), x_max=5.0, alpha=0.5),
        hint="work entry by entry on any shape, with the x_max and alpha given",
    ),
    Check(
        "weighting.cap",
        "weighting",
        "weighting of counts mostly at or above x_max=4",
        capped,
        hint="f is 1 wherever x >= x_max (never above 1)",
    ),
    Check(
        "weighting.defaults",
        "weighting",
        "weighting(X) with the default x_max=100 and alpha=0.75",
        default_counts,
        hint="the defaults are x_max=100.0 and alpha=0.75, as in the paper",
    ),
    Check(
        "glove_loss.hidden",
        "glove_loss",
        "glove_loss with hidden sizes, x_max=5, alpha=0.6",
        pub.loss_inputs(9, 4, x_max=5.0, alpha=0.6),
        probe=pub.probe_float,
        hint="do not hard-code sizes, x_max or alpha",
    ),
    Check(
        "glove_loss.defaults",
        "glove_loss",
        "glove_loss with the default x_max and alpha",
        pub.loss_inputs(6, 5, x_max=100.0, defaults=True),
        probe=pub.probe_float,
        hint="keep the defaults x_max=100.0 and alpha=0.75",
    ),
    Check(
        "glove_loss.zero_rows",
        "glove_loss",
        "glove_loss with a word that co-occurs with nothing and mostly zero counts",
        zero_rows(8, 2),
        probe=pub.probe_float,
        hint="leave out every entry with X_ij = 0 (and never take its log)",
    ),
    Check(
        "glove_gradients.hidden",
        "glove_gradients",
        "glove_gradients with hidden sizes, x_max=5, alpha=0.6",
        pub.loss_inputs(9, 4, x_max=5.0, alpha=0.6),
        hint="do not hard-code sizes, x_max or alpha; the row sums of F give b, the column sums b_tilde",
    ),
    Check(
        "glove_gradients.defaults",
        "glove_gradients",
        "glove_gradients with the default x_max and alpha",
        pub.loss_inputs(6, 5, x_max=100.0, defaults=True),
        hint="keep the defaults x_max=100.0 and alpha=0.75",
    ),
    Check(
        "glove_gradients.zero_rows",
        "glove_gradients",
        "glove_gradients with a word that co-occurs with nothing and mostly zero counts",
        zero_rows(8, 2),
        hint="F is 0 wherever X_ij = 0: those entries add nothing to any gradient",
    ),
    Check(
        "glove_gradients.numeric_hidden",
        "glove_gradients",
        "glove_gradients against finite differences of your glove_loss, hidden sizes",
        zero_rows(6, 3, x_max=3.0, alpha=0.4),
        probe=pub.probe_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("glove_gradients.values", "glove_loss.values"),
        hint="your gradients must be the slopes of YOUR glove_loss, also for other x_max and alpha",
    ),
    Check(
        "glove_loss_tf.hidden",
        "glove_loss_tf",
        "glove_loss_tf with hidden sizes, x_max=3, alpha=0.5 (parameters as numpy arrays)",
        tf_numpy_inputs(8, 5),
        probe=pub.probe_tf,
        hint="accept numpy arrays as well as tensors (tf.convert_to_tensor), and use x_max and alpha",
    ),
    Check(
        "glove_loss_tf.defaults",
        "glove_loss_tf",
        "glove_loss_tf with the default x_max and alpha",
        pub.loss_inputs(5, 6, x_max=100.0, defaults=True),
        probe=pub.probe_tf,
        hint="keep the defaults x_max=100.0 and alpha=0.75",
    ),
    Check(
        "glove_loss_tf.tape_hidden",
        "glove_loss_tf",
        "tf.GradientTape's gradients of glove_loss_tf, hidden sizes with a zero row",
        zero_rows(7, 4, x_max=3.0, alpha=0.5),
        probe=pub.probe_tf_gradients,
        hint="select the nonzero counts before taking their log: a -inf in a branch tf.where does not take still makes the gradient nan",
    ),
    Check(
        "adagrad_step.hidden",
        "adagrad_step",
        "adagrad_step with hidden sizes, large accumulators and lr=0.3",
        pub.adagrad_inputs(4, 6, lr=0.3, low=5.0, high=80.0),
        hint="G' = G + g ** 2 and theta' = theta - lr * g / sqrt(G'), entry by entry, for every key",
    ),
    Check(
        "adagrad_step.zero_grad",
        "adagrad_step",
        "adagrad_step where one gradient is all zero",
        zero_gradient,
        hint="a zero gradient leaves its parameter and accumulator values as they are, in new arrays",
    ),
    Check(
        "train_glove.hidden",
        "train_glove",
        "train_glove on hidden counts, dim=4, 6 epochs, lr=0.3, x_max=5, alpha=0.6, seed=11",
        symmetric_counts(9, 4, 6, lr=0.3, x_max=5.0, alpha=0.6, seed=11),
        hint="keep the accumulators from epoch to epoch (never reset them) and use every argument",
    ),
    Check(
        "train_glove.one_epoch",
        "train_glove",
        "train_glove with one epoch",
        pub.train_inputs(6, 2, 1, lr=0.5, x_max=4.0, alpha=0.5, seed=5),
        hint="one epoch: one loss (of the starting parameters) and one AdaGrad step",
    ),
    Check(
        "train_glove.defaults",
        "train_glove",
        "train_glove(X, dim=3, epochs=5) with every default",
        symmetric_counts(8, 3, 5),
        hint="keep the defaults lr=0.05, x_max=100.0, alpha=0.75 and seed=0",
    ),
    Check(
        "glove_vectors.hidden",
        "glove_vectors",
        "glove_vectors with hidden sizes",
        pub.vectors_inputs(10, 4),
        hint="return W + W_tilde, whatever the sizes",
    ),
]
