"""Public checks of assignment 5 (released: students run them with `autograder check`).

Sizes are all distinct (batch 6, time 5, vocabulary 7) so that a mean over the wrong axis changes
the value. Padded positions give the pad id a HIGH probability, so counting them visibly lowers
the log-perplexity.
"""

import numpy as np

from autograder.checks import Check, Outcome, same_value

PAD, START, END = 0, 1, 2


def log_softmax(z):
    """Natural-log probabilities over the last axis."""
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def padded_batch(m, T, V, lengths, *, pad_id=PAD, uniform=False):
    """(log_probs, targets) of m sequences of the given real lengths, padded to T with pad_id.

    Real targets are never pad_id; at padded positions the model puts about 0.95 on pad_id.
    """

    def build(rng):
        logits = rng.normal(size=(m, T, V)) * 1.5
        real = np.array([v for v in range(V) if v != pad_id])
        targets = real[rng.integers(0, len(real), size=(m, T))]
        for i, n in enumerate(lengths):
            targets[i, n:] = pad_id
            logits[i, n:, pad_id] += 6.0
        log_probs = np.full((m, T, V), -np.log(V)) if uniform else log_softmax(logits)
        out = {"log_probs": log_probs, "targets": targets.astype(np.int64)}
        if pad_id != PAD:
            out["pad_id"] = pad_id
        return out

    return build


def with_extra_padding(m, T, V, lengths, extra):
    """A padded batch plus `extra` more padded positions (whose log-probs favour the pad id)."""

    def build(rng):
        d = padded_batch(m, T, V, lengths)(rng)
        logits = rng.normal(size=(m, extra, V)) * 1.5
        logits[..., PAD] += 6.0
        d["extra"] = log_softmax(logits)
        return d

    return build


def probe_padding(ns, target, inputs):
    """The function on a batch, and on the same batch with extra padded positions appended."""
    import numpy as np

    lp, tg, extra = inputs["log_probs"], inputs["targets"], inputs["extra"]
    padded_lp = np.concatenate([lp, extra], axis=1)
    padded_tg = np.concatenate([tg, np.zeros((tg.shape[0], extra.shape[1]), dtype=tg.dtype)], axis=1)
    return {"plain": ns[target](lp.copy(), tg.copy()), "padded": ns[target](padded_lp, padded_tg)}


def padding_changes_nothing(received, expected, ctx):
    """Verdict: both results equal (padding invariance), then equal to the reference's."""
    if isinstance(received, dict) and set(received) == {"plain", "padded"}:
        try:
            a, b = float(received["plain"]), float(received["padded"])
        except (TypeError, ValueError):
            a = b = None
        if a is not None and not (
            np.isclose(a, b, rtol=max(ctx.tol.rtol, 1e-12), atol=0) or (np.isnan(a) and np.isnan(b))
        ):
            extra = ctx.inputs["extra"].shape[1]
            return Outcome(
                False,
                "values",
                f"{ctx.what}: appending {extra} padded positions changed the result from {a:.6g} to {b:.6g}; "
                "padded positions must not count",
            )
    return same_value(received, expected, ctx)


def probe_tf(ns, target, inputs):
    """The TensorFlow function on float64 / int64 tensors; its value and whether it is a tensor."""
    import tensorflow as tf

    args = {"log_probs": tf.constant(inputs["log_probs"]), "targets": tf.constant(inputs["targets"])}
    if "pad_id" in inputs:
        args["pad_id"] = inputs["pad_id"]
    out = ns[target](**args)
    return {"value": out, "is_tensor": bool(tf.is_tensor(out))}


def long_batch(m, T, V, lengths, *, pad_id=PAD):
    """A padded batch of long sequences in which one real token has log-probability about -800.

    The product of a thousand probabilities, and exp(-800), underflow to 0 in float64: only a sum
    of log-probabilities gives a finite result.
    """

    def build(rng):
        d = padded_batch(m, T, V, lengths, pad_id=pad_id)(rng)
        i, t = 0, int(rng.integers(0, lengths[0]))
        d["log_probs"][i, t, d["targets"][i, t]] = -800.0
        d["log_probs"] = log_softmax(d["log_probs"])  # rows stay distributions
        return d

    return build


def corpus(specs):
    """Batches of (m, T, lengths), each built as padded_batch, with a vocabulary of 5."""

    def build(rng):
        return {"batches": [padded_batch(m, T, 5, lengths)(rng) for m, T, lengths in specs]}

    return build


def probe_corpus(ns, target, inputs):
    """corpus_log_perplexity over a generator of (log_probs, targets) batches (read once)."""
    batches = [(b["log_probs"].copy(), b["targets"].copy()) for b in inputs["batches"]]
    if "pad_id" in inputs:
        return ns[target]((pair for pair in batches), pad_id=inputs["pad_id"])
    return ns[target](pair for pair in batches)


def sequences(rng, V, lengths):
    """Lists of ids of the given lengths, drawn from the ids that may appear in a sequence (>= 3)."""
    return [[int(x) for x in rng.integers(3, V, size=n)] for n in lengths]


def bigram_inputs(V, lengths, k, *, arrays=False):
    """Training sequences for train_bigram (k None: left out, so the default is used; arrays: each
    sequence a 1-D numpy int array instead of a list)."""

    def build(rng):
        seqs = sequences(rng, V, lengths)
        d = {"sequences": [np.array(s, dtype=np.int64) for s in seqs] if arrays else seqs, "vocab_size": V}
        if k is not None:
            d["k"] = k
        return d

    return build


def probe_normalised(ns, target, inputs):
    """Row sums of the bigram matrix, and its PAD and START columns."""
    import numpy as np

    probs = np.asarray(ns[target](**inputs), dtype=np.float64)
    return {"row_sums": probs.sum(axis=1), "pad_and_start_columns": probs[:, :2]}


def random_bigram(rng, V):
    """A (V, V) bigram matrix: random rows over the possible next symbols, PAD and START columns 0."""
    probs = np.zeros((V, V))
    probs[:, 2:] = rng.dirichlet(np.ones(V - 2) * 2.0, size=V)
    return probs


def bigram_eval(V, lengths, *, single=False):
    """A bigram matrix and sequences (or one sequence) to score."""

    def build(rng):
        probs = random_bigram(rng, V)
        seqs = sequences(rng, V, lengths)
        return {"probs": probs, "sequence": seqs[0]} if single else {"probs": probs, "sequences": seqs}

    return build


CHECKS = [
    Check(
        "log_perplexity.values",
        "log_perplexity",
        "log_perplexity on a batch (6, 5, 7) with padded tails of lengths 5, 2, 4, 1, 3, 5",
        padded_batch(6, 5, 7, (5, 2, 4, 1, 3, 5)),
        hint="mask = targets != pad_id; per sequence: sum the real tokens' -log p, divide by THAT sequence's count; then mean over sequences",
    ),
    Check(
        "log_perplexity.padding_invariance",
        "log_perplexity",
        "log_perplexity before and after appending 4 padded positions",
        with_extra_padding(6, 5, 7, (5, 2, 4, 1, 3, 5), 4),
        probe=probe_padding,
        verdict=padding_changes_nothing,
        hint="padded positions (target == pad_id) must add nothing to the sum and nothing to the count, whatever their log-probs",
    ),
    Check(
        "log_perplexity.all_padding_sequence",
        "log_perplexity",
        "log_perplexity on a batch (6, 5, 7) in which one sequence is all padding",
        padded_batch(6, 5, 7, (4, 0, 5, 2, 3, 1)),
        hint="a sequence with no real token is left out of the mean over sequences (do not divide by zero, do not count it as 0)",
    ),
    Check(
        "log_perplexity.long_sequence",
        "log_perplexity",
        "log_perplexity on 2 sequences of 1500 and 1100 real tokens (one token with log-probability -800)",
        long_batch(2, 1500, 5, (1500, 1100)),
        hint="sum the log-probabilities: np.prod of 1500 probabilities, or np.exp(-800), underflows to 0 (log 0 = -inf)",
    ),
    Check(
        "perplexity.values",
        "perplexity",
        "perplexity on a batch (6, 5, 7)",
        padded_batch(6, 5, 7, (3, 5, 1, 5, 2, 4)),
        hint="perplexity = np.exp(log_perplexity(...)): natural log, natural exp",
    ),
    Check(
        "perplexity.uniform",
        "perplexity",
        "perplexity of a uniform model over V = 7 tokens (expected 7)",
        padded_batch(6, 5, 7, (3, 5, 1, 5, 2, 4), uniform=True),
        hint="log-probabilities are natural logs, so exp (not 2** or 10**) of the log-perplexity; a uniform model over V has perplexity V",
    ),
    Check(
        "log_perplexity_tf.values",
        "log_perplexity_tf",
        "log_perplexity_tf on float64 tensors (6, 5, 7) and int64 targets",
        padded_batch(6, 5, 7, (5, 2, 4, 1, 3, 5)),
        probe=probe_tf,
        hint="return a 0-d float64 tf.Tensor: gather the targets' log-probs, mask with tf.not_equal(targets, pad_id), keep float64",
    ),
    Check(
        "corpus_log_perplexity.values",
        "corpus_log_perplexity",
        "corpus_log_perplexity over a generator of 3 batches: (1, 9), (7, 4) and (3, 6) positions",
        corpus([(1, 9, (9,)), (7, 4, (4, 1, 3, 2, 4, 1, 2)), (3, 6, (6, 2, 5))]),
        probe=probe_corpus,
        hint="sum -log p of the real tokens over ALL batches and divide by the total number of real tokens (read the iterable once)",
    ),
    Check(
        "train_bigram.values",
        "train_bigram",
        "train_bigram on 5 sequences, V = 8, k = 0.5",
        bigram_inputs(8, (6, 3, 9, 1, 4), 0.5),
        hint="count START -> c_1, c_t -> c_{t+1} and c_n -> END; P(b | a) = (C(a, b) + k) / (C(a) + k (V - 2)); PAD and START columns 0",
    ),
    Check(
        "train_bigram.normalised",
        "train_bigram",
        "row sums and PAD/START columns of train_bigram (V = 8, k = 0.5)",
        bigram_inputs(8, (6, 3, 9, 1, 4), 0.5),
        probe=probe_normalised,
        hint="each row is a distribution over the V - 2 possible next symbols (END included): add k*(V-2) to the denominator",
    ),
    Check(
        "bigram_log_prob.values",
        "bigram_log_prob",
        "bigram_log_prob of a 6-symbol sequence under a random (9, 9) bigram",
        bigram_eval(9, (6,), single=True),
        hint="sum of np.log(probs[prev, next]) over START -> c_1, ..., c_n -> END (n + 1 transitions)",
    ),
    Check(
        "bigram_perplexity.values",
        "bigram_perplexity",
        "bigram_perplexity of 4 sequences (lengths 7, 2, 5, 3) under a random (9, 9) bigram",
        bigram_eval(9, (7, 2, 5, 3)),
        hint="exp(-(total log-prob) / (total number of predicted symbols)); each sequence predicts len + 1 symbols (END included)",
    ),
]
