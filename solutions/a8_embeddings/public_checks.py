"""Public checks of assignment 8 (released: students self-check with them)."""

import numpy as np

from autograder.checks import Check, Outcome, build_and_describe, same_model


def id_sentences(lengths, vocab_size):
    """Inputs builder: sentences of word ids (lists of ints) of the given lengths."""

    def build(rng):
        return [[int(i) for i in rng.integers(2, vocab_size, size=n)] for n in lengths]

    return build


def pairs_inputs(lengths, window, vocab_size=30):
    def build(rng):
        return {"sentences": id_sentences(lengths, vocab_size)(rng), "window": window}

    return build


def counts_inputs(vocab_size, power=0.75):
    """Word counts (id 0, the padding, is never counted) and the power."""

    def build(rng):
        counts = rng.integers(1, 60, size=vocab_size).astype(np.int64)
        counts[0] = 0
        return {"counts": counts, "power": power}

    return build


def negatives_inputs(n, vocab_size, k, seed, favourite=True):
    """Positives and a noise distribution with a zero (id 0) and, if ``favourite``, the positives
    mostly the most probable word (so a sampler that lets negatives equal the positive is seen)."""

    def build(rng):
        weights = rng.uniform(0.2, 1.0, size=vocab_size)
        weights[0] = 0.0
        weights[1 + int(rng.integers(vocab_size - 1))] = 4.0
        probs = weights / weights.sum()
        positives = rng.integers(1, vocab_size, size=n)
        if favourite:
            positives[: n // 2] = int(np.argmax(probs))
        return {"positives": positives.astype(np.int64), "probs": probs, "k": k, "seed": seed}

    return build


def probe_negatives(ns, target, inputs):
    """sample_negatives: the table, the same call again, and a call with another seed."""
    import numpy as np

    args = dict(positives=inputs["positives"].copy(), probs=inputs["probs"].copy(), k=inputs["k"])
    first = ns[target](**args, seed=inputs["seed"])
    again = ns[target](**{k: (v.copy() if hasattr(v, "copy") else v) for k, v in args.items()}, seed=inputs["seed"])
    other = ns[target](**{k: (v.copy() if hasattr(v, "copy") else v) for k, v in args.items()}, seed=inputs["seed"] + 1)
    return {"table": np.asarray(first), "again": np.asarray(again), "other": np.asarray(other)}


def negatives_sampled_right(received, expected, ctx):
    """Verdict of sample_negatives (no reference value: any sampler with the stated law passes):
    shape (n, k), int64, ids in range, never the row's positive, never a zero-probability id, the same
    table for the same seed, another for another seed, and each id's frequency within 4 standard errors
    (plus 0.002) of its law: probs with the positive's own probability removed, renormalised."""
    inputs = ctx.inputs
    positives, probs, k = inputs["positives"], inputs["probs"], inputs["k"]
    n, vocab_size = len(positives), len(probs)
    if not isinstance(received, dict) or not all(
        isinstance(received.get(key), np.ndarray) for key in ("table", "again", "other")
    ):
        return Outcome(False, "type", f"{ctx.what}: expected an integer array, received something else")
    table = received["table"]
    if table.shape != (n, k):
        return Outcome(
            False,
            "shape",
            f"{ctx.what}: expected shape {(n, k)} (one row per positive, k negatives), received {table.shape}",
        )
    if table.dtype != np.int64:
        return Outcome(False, "dtype", f"{ctx.what}: expected dtype int64, received {table.dtype}")
    if table.min() < 0 or table.max() >= vocab_size:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected ids in [0, {vocab_size}), received ids from {table.min()} to {table.max()}",
        )
    same = int((table == positives[:, None]).sum())
    if same:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected no negative equal to its row's positive, received {same} such negatives",
        )
    never = int((probs[table] == 0).sum())
    if never:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected no id of probability 0, received {never} of them (e.g. id 0, the padding)",
        )
    if not np.array_equal(received["again"], table):
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected the same table from the same seed, received another one (use np.random.default_rng(seed))",
        )
    if np.array_equal(received["other"], table):
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected another table from seed + 1, received the same one (the seed is not used)",
        )
    law = np.zeros(vocab_size)
    for p in positives:
        row = probs.copy()
        row[p] = 0.0
        law += k * row / row.sum()
    law /= n * k
    freq = np.bincount(table.ravel(), minlength=vocab_size) / (n * k)
    bound = 4 * np.sqrt(law * (1 - law) / (n * k)) + 0.002
    worst = int(np.argmax(np.abs(freq - law) - bound))
    if abs(freq[worst] - law[worst]) > bound[worst]:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected id {worst} in a fraction {law[worst]:.4f} of the negatives "
            f"(probs without the positive, renormalised), received {freq[worst]:.4f}",
        )
    return Outcome(True)


def examples_inputs(n, k, vocab_size=40):
    def build(rng):
        pairs = rng.integers(1, vocab_size, size=(n, 2)).astype(np.int64)
        return {"pairs": pairs, "negatives": rng.integers(1, vocab_size, size=(n, k)).astype(np.int64)}

    return build


def word2vec_inputs(vocab_size, dim, n=5):
    def build(rng):
        return {
            "vocab_size": vocab_size,
            "dim": dim,
            "sample_input": [
                rng.integers(0, vocab_size, size=n).astype(np.int32),
                rng.integers(0, vocab_size, size=n).astype(np.int32),
            ],
        }

    return build


def matrices(n, m, d, scale=1.0):
    def build(rng):
        return {"A": rng.normal(size=(n, d)) * scale, "B": rng.normal(size=(m, d)) * scale}

    return build


PLANTED_WORDS = [
    "king",
    "queen",
    "man",
    "woman",
    "prince",
    "princess",
    "boy",
    "girl",
    "sword",
    "rose",
    "crown",
    "horse",
]


def planted_vectors(rng, dim=6, noise=0.05):
    """Vectors with a known structure: a royalty axis, a male/female axis and an age axis; the last four
    words are unrelated random vectors. man : king :: woman : queen, boy : prince :: girl : princess."""
    royal, female, young = np.eye(dim)[0], np.eye(dim)[1], np.eye(dim)[2]
    person = np.eye(dim)[3] * 1.5
    base = {
        "king": person + royal,
        "queen": person + royal + female,
        "man": person,
        "woman": person + female,
        "prince": person + royal + young,
        "princess": person + royal + female + young,
        "boy": person + young,
        "girl": person + female + young,
    }
    vectors = [base[w] + noise * rng.normal(size=dim) if w in base else rng.normal(size=dim) for w in PLANTED_WORDS]
    scale = rng.uniform(0.5, 3.0, size=(len(PLANTED_WORDS), 1))  # lengths differ: only directions count
    return np.asarray(vectors) * scale


def neighbours_inputs(query, k):
    def build(rng):
        order = rng.permutation(len(PLANTED_WORDS))
        return {
            "vectors": planted_vectors(rng)[order],
            "words": [PLANTED_WORDS[i] for i in order],
            "query": query,
            "k": k,
        }

    return build


def analogy_inputs(a, b, c, k):
    def build(rng):
        order = rng.permutation(len(PLANTED_WORDS))
        return {
            "vectors": planted_vectors(rng)[order],
            "words": [PLANTED_WORDS[i] for i in order],
            "a": a,
            "b": b,
            "c": c,
            "k": k,
        }

    return build


def pca_inputs(n, d, flipped=0):
    """Points with a mean far from 0 and three directions of decreasing spread; with ``flipped``,
    drawn again until the first ``flipped`` eigenvectors np.linalg.eigh gives need the sign rule (their
    largest entry negative), so that a PCA without the rule fails on them."""

    def points(rng):
        basis = np.linalg.qr(rng.normal(size=(d, d)))[0]
        spread = np.r_[3.0, 1.5, 0.6, 0.2 * np.ones(d - 3)][:d]
        return rng.normal(size=(n, d)) * spread @ basis.T + rng.normal(size=d) * 5.0

    def needs_rule(X):
        Xc = X - X.mean(axis=0)
        values, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
        top = vecs[:, np.argsort(values)[::-1][:flipped]]
        return all(top[np.argmax(np.abs(top[:, j])), j] < 0 for j in range(flipped))

    def build(rng):
        X = points(rng)
        for _ in range(200):
            if not flipped or needs_rule(X):
                break
            X = points(rng)
        return {"X": X}

    return build


def classifier_inputs(vocab_size, dim, trainable, n=4, t=6):
    def build(rng):
        ids = rng.integers(2, vocab_size, size=(n, t)).astype(np.int32)
        for i in range(n):
            ids[i, t - i :] = 0
        return {
            "embedding_matrix": rng.normal(size=(vocab_size, dim)).astype(np.float32),
            "trainable": trainable,
            "sample_input": ids,
        }

    return build


def probe_classifier_embedding(ns, target, inputs):
    """The classifier's first-layer weights as built, its trainable weight count, and the first layer's
    weights after one training step on a tiny batch."""
    import keras
    import numpy as np

    model = ns[target](inputs["embedding_matrix"].copy(), inputs["trainable"])
    layer = [layer for layer in model.layers if isinstance(layer, keras.layers.Embedding)][0]
    before = np.asarray(layer.get_weights()[0], dtype=np.float64)
    n_trainable = len(model.trainable_weights)
    ids = inputs["sample_input"]
    model.fit(ids, np.arange(len(ids)) % 2, epochs=1, batch_size=len(ids), verbose=0)
    after = np.asarray(layer.get_weights()[0], dtype=np.float64)
    return {
        "initial_embedding": before,
        "trainable_weights": n_trainable,
        "embedding_changed_by_training": bool(np.abs(after - before).max() > 1e-6),
    }


CHECKS = [
    Check(
        "skipgram_pairs.values",
        "skipgram_pairs",
        "skipgram_pairs of 4 sentences (7, 1, 2 and 5 words), window=2",
        pairs_inputs((7, 1, 2, 5), 2),
        hint="for each position i, the contexts j with 0 < |i - j| <= window inside the same sentence, in order; int64 of shape (n, 2)",
    ),
    Check(
        "noise_distribution.values",
        "noise_distribution",
        "noise_distribution of 9 counts (id 0 counted 0 times), power 0.75",
        counts_inputs(9),
        hint="counts ** power, divided by its sum: float64 of shape (V,)",
    ),
    Check(
        "sample_negatives.law",
        "sample_negatives",
        "sample_negatives for 2000 positives, k=5, 11 words",
        negatives_inputs(2000, 11, 5, 3),
        probe=probe_negatives,
        verdict=negatives_sampled_right,
        reference=False,
        hint="np.random.default_rng(seed), draws from probs, and a negative equal to its row's positive redrawn",
    ),
    Check(
        "training_examples.values",
        "training_examples",
        "training_examples of 5 pairs with 3 negatives each",
        examples_inputs(5, 3),
        hint="per pair: the positive (label 1) then its k negatives (label 0), pair after pair",
    ),
    Check(
        "build_word2vec.structure",
        "build_word2vec",
        "the model from build_word2vec(23, 6)",
        word2vec_inputs(23, 6),
        probe=build_and_describe,
        verdict=same_model,
        hint="two Embedding(vocab_size, dim) layers, Dot(axes=-1), Adam(0.01) and BinaryCrossentropy(from_logits=True)",
    ),
    Check(
        "cosine_similarity.values",
        "cosine_similarity",
        "cosine_similarity(A (5, 4), B (3, 4))",
        matrices(5, 3, 4),
        hint="divide each ROW by its length (axis=1), then A_unit @ B_unit.T: shape (n, m)",
    ),
    Check(
        "nearest_neighbours.values",
        "nearest_neighbours",
        "nearest_neighbours of 'queen', k=3, on 12 planted vectors",
        neighbours_inputs("queen", 3),
        hint="rank by cosine (not the dot product), leave the query word out",
    ),
    Check(
        "analogy.values",
        "analogy",
        "analogy man : king :: woman : ?, k=3, on 12 planted vectors",
        analogy_inputs("man", "king", "woman", 3),
        hint="unit(b) - unit(a) + unit(c), ranked by cosine, the three query words left out",
    ),
    Check(
        "pca_2d.values",
        "pca_2d",
        "pca_2d of 9 points in 5 dimensions (mean far from 0)",
        pca_inputs(9, 5),
        hint="centre the columns first; the two eigenvectors of the largest eigenvalues, largest |entry| positive",
    ),
    Check(
        "build_classifier.structure",
        "build_classifier",
        "the model from build_classifier(a (17, 5) matrix, trainable=False)",
        classifier_inputs(17, 5, False),
        probe=build_and_describe,
        verdict=same_model,
        hint="Embedding(mask_zero=True), GlobalAveragePooling1D, Dense(1, sigmoid); Adam(0.01), BinaryCrossentropy, accuracy",
    ),
    Check(
        "build_classifier.frozen",
        "build_classifier",
        "build_classifier(a (17, 5) matrix, trainable=False): its embedding and one training step",
        classifier_inputs(17, 5, False),
        probe=probe_classifier_embedding,
        hint="start the Embedding from the matrix (embeddings_initializer=Constant(...)) and pass trainable=trainable to it",
    ),
]
