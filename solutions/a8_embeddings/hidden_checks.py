"""Hidden checks of assignment 8 (never released): other sizes, edge cases, ties, unknown words."""

import numpy as np

from autograder.checks import (
    Check,
    arguments_unchanged,
    build_and_describe,
    loss_falls,
    same_model,
    sibling,
    unchanged_check,
)

pub = sibling(__file__, "public_checks")

ARGS_UNCHANGED = arguments_unchanged
NO_EDIT = "your function changed an argument it was given: work on new arrays and lists (no +=, x[...] = or list.remove on the arguments)"


def unchanged(fn, inputs, what):
    """Hidden check that ``fn`` leaves its arguments as they were; it counts only when ``fn``'s values are right."""
    after = {"sample_negatives": "law", "build_word2vec": "structure", "build_classifier": "structure"}.get(
        fn, "values"
    )
    return unchanged_check(fn, inputs, what, after=after, probe=ARGS_UNCHANGED, hint=NO_EDIT)


def probe_raises(ns, target, inputs):
    """The type of the exception the call raised (None if it returned)."""
    try:
        ns[target](**inputs)
    except NotImplementedError:
        raise  # a stub: graded as not implemented
    except Exception as error:  # noqa: BLE001 - the type is the answer
        return type(error).__name__
    return None


def tied_neighbours(rng):
    """Planted vectors where 'rose' has three exact copies (same direction, lengths scaled by
    powers of two so the cosines tie exactly) whose words are not in alphabetical order of their
    ids: the docstring's rule (alphabetical) decides."""
    words = pub.PLANTED_WORDS + ["thorn", "bloom", "petal"]
    vectors = pub.planted_vectors(rng)
    rose = vectors[words.index("rose")]
    vectors = np.vstack([vectors, rose * 2.0, rose * 0.5, rose * 4.0])
    order = rng.permutation(len(words) - 3)
    return {
        "vectors": np.vstack([vectors[order], vectors[-3:]]),
        "words": [words[i] for i in order] + words[-3:],
        "query": "rose",
        "k": 4,
    }


def _analogy_answers(vectors, words, a, b, c, k, how):
    """The answers of three scorings: the stated one (unit vectors), the unnormalised sum, and the
    pair direction cos(b - a, w - c)."""
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    ia, ib, ic = words.index(a), words.index(b), words.index(c)
    if how == "stated":
        t = unit[ib] - unit[ia] + unit[ic]
        sims = unit @ (t / np.linalg.norm(t))
    elif how == "unnormalised":
        t = vectors[ib] - vectors[ia] + vectors[ic]
        sims = unit @ (t / np.linalg.norm(t))
    else:
        d = vectors[ib] - vectors[ia]
        diff = vectors - vectors[ic]
        norms = np.maximum(np.linalg.norm(diff, axis=1), 1e-12)
        sims = diff @ d / (norms * np.linalg.norm(d))
    rest = [i for i in range(len(words)) if i not in (ia, ib, ic)]
    return [words[i] for i in sorted(rest, key=lambda i: (-sims[i], words[i]))[:k]]


def scoring_analogy(rng, k=3):
    """Random vectors of very different lengths, drawn until the stated scoring, the unnormalised
    sum b - a + c and the pair direction cos(b - a, w - c) give three different answers."""
    words = [f"w{i:02d}" for i in range(12)]
    for _ in range(500):
        vectors = rng.normal(size=(12, 5)) * np.exp(rng.uniform(-1.5, 1.5, size=(12, 1)))
        a, b, c = (str(w) for w in rng.choice(words, size=3, replace=False))
        answers = [
            tuple(_analogy_answers(vectors, words, a, b, c, k, how)) for how in ("stated", "unnormalised", "pair")
        ]
        if len(set(answers)) == 3:
            break
    return {"vectors": vectors, "words": words, "a": a, "b": b, "c": c, "k": k}


def tied_analogy(rng):
    """man : king :: woman : ? with two exact copies of queen's direction (scaled by powers of two,
    so that the cosines are exactly equal) named 'regina' and 'dronning'."""
    words = pub.PLANTED_WORDS + ["regina", "dronning"]
    vectors = pub.planted_vectors(rng)
    queen = vectors[words.index("queen")]
    return {
        "vectors": np.vstack([vectors, queen * 2.0, queen * 0.25]),
        "words": words,
        "a": "man",
        "b": "king",
        "c": "woman",
        "k": 5,
    }


def probe_w2v_training(ns, target, inputs):
    """Trains the student's word2vec model full-batch on planted pairs; returns the loss per epoch."""

    from autograder.checks import epoch_losses

    model = ns[target](inputs["vocab_size"], inputs["dim"])
    return epoch_losses(model, [inputs["centres"], inputs["contexts"]], inputs["labels"], epochs=inputs["epochs"])


def w2v_training_inputs(rng):
    """12 positive pairs and 3 negatives each over a 14-word vocabulary: learnable in 40 full-batch epochs."""
    centres = rng.integers(1, 14, size=12)
    contexts = (centres + 1) % 14
    negatives = (centres[:, None] + rng.integers(3, 10, size=(12, 3))) % 14
    c = np.repeat(centres, 4).astype(np.int32)
    x = np.concatenate([contexts[:, None], negatives], axis=1).reshape(-1).astype(np.int32)
    y = np.tile([1.0, 0.0, 0.0, 0.0], 12).astype(np.float32)
    return {"vocab_size": 14, "dim": 8, "centres": c, "contexts": x, "labels": y, "epochs": 40}


def zero_rows(rng):
    """A and B with a zero row each (cosine 0 by the docstring) and rows of very different lengths."""
    A = rng.normal(size=(4, 6)) * np.array([[1e-3], [1.0], [1e3], [1.0]])
    B = rng.normal(size=(7, 6)) * rng.uniform(0.1, 10.0, size=(7, 1))
    A[3] = 0.0
    B[2] = 0.0
    B[5] *= 1e-3  # a short (not zero) row of B: it still has its cosines
    return {"A": A, "B": B}


def default_power_inputs(rng):
    """Counts only: the power is left at its default (0.75, word2vec's)."""
    return {"counts": pub.counts_inputs(10)(rng)["counts"]}


def crowded_negatives_inputs(rng):
    """Two rows whose positive is the id of probability 0.9 (id 0 has probability 0), k=2, and 20 seeds:
    nearly every first draw equals its positive and must be drawn again."""
    probs = np.r_[0.0, 0.9, np.full(4, 0.025)]
    return {"positives": np.array([1, 1], dtype=np.int64), "probs": probs, "k": 2, "seeds": list(range(20))}


def probe_crowded_negatives(ns, target, inputs):
    """sample_negatives on the same rows with each seed of inputs["seeds"]: {seed: table}."""
    import numpy as np

    return {
        str(seed): np.asarray(
            ns[target](positives=inputs["positives"].copy(), probs=inputs["probs"].copy(), k=inputs["k"], seed=seed)
        )
        for seed in inputs["seeds"]
    }


def negatives_never_positive(received, expected, ctx):
    """Verdict of sample_negatives.crowded: with every seed, a table of shape (n, k), ids in range, never
    the row's positive and never an id of probability 0 (no reference value)."""
    from autograder.checks import Outcome

    positives, probs, k = ctx.inputs["positives"], ctx.inputs["probs"], ctx.inputs["k"]
    if not isinstance(received, dict) or not all(
        isinstance(received.get(str(s)), np.ndarray) for s in ctx.inputs["seeds"]
    ):
        return Outcome(False, "type", f"{ctx.what}: expected an integer array for each seed, received something else")
    for seed in ctx.inputs["seeds"]:
        table = received[str(seed)]
        if table.shape != (len(positives), k):
            return Outcome(
                False,
                "shape",
                f"{ctx.what}: with seed {seed}, expected shape {(len(positives), k)}, received {table.shape}",
            )
        if not np.issubdtype(table.dtype, np.integer) or table.min() < 0 or table.max() >= len(probs):
            return Outcome(
                False,
                "values",
                f"{ctx.what}: with seed {seed}, expected integer ids in [0, {len(probs)}), received {table.tolist()}",
            )
        same = int((table == positives[:, None]).sum())
        if same:
            return Outcome(
                False,
                "values",
                f"{ctx.what}: with seed {seed}, expected no negative equal to its row's positive, "
                f"received {same} such negatives ({table.tolist()}, positives {positives.tolist()})",
            )
        if (probs[table] == 0).any():
            return Outcome(
                False,
                "values",
                f"{ctx.what}: with seed {seed}, expected no id of probability 0, received {table.tolist()}",
            )
    return Outcome(True)


def probe_w2v_named_layers(ns, target, inputs):
    """build_word2vec's model with the layer named "target" set to inputs["U"] and the one named "context"
    to inputs["V"]: its outputs on (centres, contexts), or which named layer is missing."""
    import numpy as np

    model = ns[target](inputs["vocab_size"], inputs["dim"])
    for name, key in (("target", "U"), ("context", "V")):
        try:
            layer = model.get_layer(name)
        except (ValueError, AttributeError):
            return f"no layer named {name!r}"
        layer.set_weights([inputs[key].astype(np.float32)])
    return np.asarray(model([inputs["centres"], inputs["contexts"]]), dtype=np.float64)


def w2v_named_inputs(rng):
    vocab_size, dim, n = 9, 4, 6
    return {
        "vocab_size": vocab_size,
        "dim": dim,
        "U": rng.normal(size=(vocab_size, dim)),
        "V": rng.normal(size=(vocab_size, dim)),
        "centres": rng.integers(0, vocab_size, size=n).astype(np.int32),
        "contexts": rng.integers(0, vocab_size, size=n).astype(np.int32),
    }


CHECKS = [
    Check(
        "skipgram_pairs.hidden",
        "skipgram_pairs",
        "skipgram_pairs of 5 sentences, window=3",
        pub.pairs_inputs((9, 3, 1, 6, 4), 3, 50),
        hint="contexts at distance 1..window on both sides, cut at the sentence's edges; never the centre itself",
    ),
    Check(
        "skipgram_pairs.window_one",
        "skipgram_pairs",
        "skipgram_pairs of 3 sentences, window=1",
        pub.pairs_inputs((5, 2, 4), 1, 40),
        hint="window=1: only the immediate left and right neighbours",
    ),
    Check(
        "skipgram_pairs.no_pairs",
        "skipgram_pairs",
        "skipgram_pairs of one-word sentences",
        pub.pairs_inputs((1, 1), 2),
        hint="no pairs: an int64 array of shape (0, 2)",
    ),
    unchanged("skipgram_pairs", pub.pairs_inputs((6, 3), 2), "2 sentences"),
    Check(
        "noise_distribution.hidden",
        "noise_distribution",
        "noise_distribution of 14 counts, power 0.5",
        pub.counts_inputs(14, 0.5),
        hint="use the power argument, not a fixed 0.75",
    ),
    Check(
        "noise_distribution.unigram",
        "noise_distribution",
        "noise_distribution of 6 counts, power 1 (the unigram law)",
        pub.counts_inputs(6, 1.0),
        hint="counts ** power / sum",
    ),
    Check(
        "noise_distribution.default_power",
        "noise_distribution",
        "noise_distribution of 10 counts, power left at its default",
        default_power_inputs,
        hint="the default power is 0.75, as in word2vec: def noise_distribution(counts, power=0.75)",
    ),
    unchanged("noise_distribution", pub.counts_inputs(7), "7 counts"),
    Check(
        "sample_negatives.hidden",
        "sample_negatives",
        "sample_negatives for 3000 positives, k=4, 8 words",
        pub.negatives_inputs(3000, 8, 4, 11),
        probe=pub.probe_negatives,
        verdict=pub.negatives_sampled_right,
        reference=False,
        hint="redraw a negative while it equals its row's positive; draw with p=probs",
    ),
    Check(
        "sample_negatives.spread",
        "sample_negatives",
        "sample_negatives for 2500 varied positives, k=6, 13 words",
        pub.negatives_inputs(2500, 13, 6, 5, favourite=False),
        probe=pub.probe_negatives,
        verdict=pub.negatives_sampled_right,
        reference=False,
        hint="the noise law is probs, not uniform; k columns",
    ),
    Check(
        "sample_negatives.crowded",
        "sample_negatives",
        "sample_negatives for 2 positives of probability 0.9, k=2, with 20 seeds",
        crowded_negatives_inputs,
        probe=probe_crowded_negatives,
        verdict=negatives_never_positive,
        reference=False,
        hint="redraw every negative equal to its row's positive, and only those, until none is left",
    ),
    unchanged("sample_negatives", pub.negatives_inputs(40, 9, 3, 2), "40 positives"),
    Check(
        "training_examples.hidden",
        "training_examples",
        "training_examples of 8 pairs with 5 negatives each",
        pub.examples_inputs(8, 5, 60),
        hint="n * (k + 1) examples; labels float32",
    ),
    unchanged("training_examples", pub.examples_inputs(4, 2), "4 pairs"),
    Check(
        "build_word2vec.hidden",
        "build_word2vec",
        "the model from build_word2vec(41, 3)",
        pub.word2vec_inputs(41, 3, n=7),
        probe=build_and_describe,
        verdict=same_model,
        hint="use vocab_size and dim: no fixed sizes",
    ),
    Check(
        "build_word2vec.training",
        "build_word2vec",
        "build_word2vec(14, 8) trained 40 full-batch epochs on planted pairs",
        w2v_training_inputs,
        probe=probe_w2v_training,
        verdict=loss_falls,
        reference=False,
        requires=("build_word2vec.structure",),
        hint="the output is the raw dot product (a logit): the loss has from_logits=True",
    ),
    Check(
        "build_word2vec.names",
        "build_word2vec",
        'build_word2vec(9, 4) with the layers named "target" and "context" set to given matrices',
        w2v_named_inputs,
        probe=probe_w2v_named_layers,
        requires=("build_word2vec.structure",),
        hint='name the centres\' Embedding "target" and the contexts\' Embedding "context": they are read with model.get_layer(...)',
    ),
    Check(
        "cosine_similarity.hidden",
        "cosine_similarity",
        "cosine_similarity(A (4, 6), B (7, 6)) with zero rows and very different lengths",
        zero_rows,
        hint="a zero vector has cosine 0 with every vector (no nan); normalise rows, not columns",
    ),
    Check(
        "cosine_similarity.square",
        "cosine_similarity",
        "cosine_similarity(A (6, 3), B (6, 3))",
        pub.matrices(6, 6, 3, 20.0),
        hint="entry [i, j] is the cosine of A[i] and B[j]",
    ),
    unchanged("cosine_similarity", pub.matrices(3, 5, 2), "A (3, 2), B (5, 2)"),
    Check(
        "nearest_neighbours.hidden",
        "nearest_neighbours",
        "nearest_neighbours of 'boy', k=5, on 12 planted vectors",
        pub.neighbours_inputs("boy", 5),
        hint="cosine ranking, query left out",
    ),
    Check(
        "nearest_neighbours.ties",
        "nearest_neighbours",
        "nearest_neighbours of 'rose', k=4, with three exact copies of its direction",
        tied_neighbours,
        hint="equal cosines: alphabetical order of the words, not their ids",
    ),
    Check(
        "nearest_neighbours.all",
        "nearest_neighbours",
        "nearest_neighbours of 'crown' with k=20 > 11 other words",
        pub.neighbours_inputs("crown", 20),
        hint="k larger than the other words: all of them",
    ),
    Check(
        "nearest_neighbours.unknown",
        "nearest_neighbours",
        "nearest_neighbours of a word not in the vocabulary",
        pub.neighbours_inputs("yorick", 3),
        probe=probe_raises,
        hint="an unknown query word raises KeyError",
    ),
    unchanged("nearest_neighbours", pub.neighbours_inputs("man", 2), "'man', k=2"),
    Check(
        "analogy.hidden",
        "analogy",
        "analogy boy : prince :: girl : ?, k=3, on 12 planted vectors",
        pub.analogy_inputs("boy", "prince", "girl", 3),
        hint="b - a + c on unit vectors; a, b and c never in the answer",
    ),
    Check(
        "analogy.ties",
        "analogy",
        "analogy man : king :: woman : ?, k=5, with two exact copies of queen's direction",
        tied_analogy,
        hint="equal cosines: alphabetical order of the words",
    ),
    Check(
        "analogy.unknown",
        "analogy",
        "analogy with a word not in the vocabulary",
        pub.analogy_inputs("man", "yorick", "woman", 1),
        probe=probe_raises,
        hint="an unknown query word raises KeyError",
    ),
    Check(
        "analogy.scoring",
        "analogy",
        "analogy on 12 random vectors of very different lengths, k=3",
        scoring_analogy,
        hint="t = b/|b| - a/|a| + c/|c| (unit vectors), then the cosine of each word's vector with t",
    ),
    Check(
        "analogy.all",
        "analogy",
        "analogy man : king :: woman : ? with k=12, more than the 9 words left",
        pub.analogy_inputs("man", "king", "woman", 12),
        hint="k larger than the words left: all of them, ranked (a, b and c still left out)",
    ),
    unchanged("analogy", pub.analogy_inputs("king", "queen", "man", 2), "king : queen :: man : ?"),
    Check(
        "pca_2d.hidden",
        "pca_2d",
        "pca_2d of 14 points in 7 dimensions",
        pub.pca_inputs(14, 7),
        hint="the two directions of LARGEST variance (np.linalg.eigh sorts eigenvalues in ascending order)",
    ),
    Check(
        "pca_2d.few_points",
        "pca_2d",
        "pca_2d of 5 points in 8 dimensions",
        pub.pca_inputs(5, 8, flipped=2),
        hint="centre, then project onto the top two eigenvectors of the covariance",
    ),
    Check(
        "pca_2d.two_points",
        "pca_2d",
        "pca_2d of 2 points in 4 dimensions (n = 2, the fewest allowed)",
        pub.pca_inputs(2, 4, flipped=1),
        hint="the covariance divides by n - 1, which is 1 here",
    ),
    Check(
        "pca_2d.sign",
        "pca_2d",
        "pca_2d of 10 points in 6 dimensions whose eigenvectors from np.linalg.eigh both need the sign rule",
        pub.pca_inputs(10, 6, flipped=2),
        hint="flip each eigenvector so that its entry of largest absolute value is positive",
    ),
    unchanged("pca_2d", pub.pca_inputs(6, 4), "6 points in 4 dimensions"),
    Check(
        "build_classifier.hidden",
        "build_classifier",
        "the model from build_classifier(a (29, 7) matrix, trainable=True)",
        pub.classifier_inputs(29, 7, True),
        probe=build_and_describe,
        verdict=same_model,
        hint="the sizes come from embedding_matrix.shape",
    ),
    Check(
        "build_classifier.fine_tuned",
        "build_classifier",
        "build_classifier(a (29, 7) matrix, trainable=True): its embedding and one training step",
        pub.classifier_inputs(29, 7, True),
        probe=pub.probe_classifier_embedding,
        hint="trainable=True: the Embedding is updated by training",
    ),
    unchanged(
        "build_classifier",
        lambda rng: {"embedding_matrix": rng.normal(size=(11, 3)).astype(np.float32), "trainable": False},
        "a (11, 3) matrix",
    ),
]
