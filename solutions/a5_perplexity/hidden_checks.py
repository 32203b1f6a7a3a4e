"""Hidden checks of assignment 5 (never released): other sizes, other pad ids, edge cases."""

import numpy as np

from autograder.checks import Check, Outcome, arguments_unchanged, inputs_unchanged, same_value, sibling

pub = sibling(__file__, "public_checks")


def probe_many_sequences(ns, target, inputs):
    """bigram_log_prob of each sequence in turn (the empty one included)."""
    return [ns[target](inputs["probs"].copy(), list(s)) for s in inputs["sequences"]]


def token_weighted_corpus(rng):
    """One tiny batch with a very unlikely token, then a large batch: batch weighting is far off."""
    small = pub.padded_batch(1, 3, 6, (1,))(rng)
    small["log_probs"][0, 0, small["targets"][0, 0]] = -9.0
    large = pub.padded_batch(8, 9, 6, (9, 8, 7, 9, 6, 9, 5, 9))(rng)
    return {"batches": [small, large]}


def padding_batches(rng):
    """A batch with no real token between two ordinary ones, and a corpus with no token at all."""
    a = pub.padded_batch(2, 7, 5, (7, 3))(rng)
    empty = pub.padded_batch(4, 6, 5, (0, 0, 0, 0))(rng)
    b = pub.padded_batch(3, 4, 5, (2, 4, 1))(rng)
    return {"with_empty_batch": [a, empty, b], "no_tokens": [empty]}


def probe_padding_batches(ns, target, inputs):
    """corpus_log_perplexity with an all-padding batch inside, and on a corpus with no real token."""
    out = {}
    for key, batches in inputs.items():
        pairs = [(b["log_probs"].copy(), b["targets"].copy()) for b in batches]
        out[key] = ns[target](pair for pair in pairs)
    return out


def start_end_inputs(rng):
    """Tiny corpus: an empty sequence (START -> END only), a one-symbol one and a repeat."""
    return {"sequences": [[], [4], [5, 5, 4]], "vocab_size": 6, "k": 0.25}


def log_probs_sequences(rng):
    probs = pub.random_bigram(rng, 7)
    return {"probs": probs, "sequences": [[], [int(rng.integers(3, 7))]] + pub.sequences(rng, 7, (4, 8))}


def long_and_short(rng):
    """One long, likely sequence and several short unlikely ones: sequence weighting is far off."""
    V = 6
    probs = np.zeros((V, V))
    probs[:, 2:] = 0.02
    probs[:, 3] = 1.0 - 0.02 * 3  # symbol 3 is very likely everywhere
    seqs = [[3] * 30, [5], [4, 5], [5]]
    return {"probs": probs, "sequences": seqs}


def corpus_with_pad_id(rng):
    """Three batches padded with pad_id = 4 (id 0 is a real token here)."""
    specs = [(2, 6, (6, 3)), (4, 5, (5, 1, 4, 2)), (1, 7, (7,))]
    return {"batches": [pub.padded_batch(m, T, 6, lengths, pad_id=4)(rng) for m, T, lengths in specs], "pad_id": 4}


def long_corpus(rng):
    """A short batch, then a batch of long sequences with one token of log-probability -800."""
    return {"batches": [pub.padded_batch(3, 4, 5, (4, 2, 3))(rng), pub.long_batch(2, 1400, 5, (1400, 900))(rng)]}


def probe_corpus_unchanged(ns, target, inputs):
    """corpus_log_perplexity over copies of the batches; per batch, whether both arrays are unchanged."""
    import numpy as np

    pairs = [(b["log_probs"].copy(), b["targets"].copy()) for b in inputs["batches"]]
    ns[target](pair for pair in pairs)
    return [
        bool(np.array_equal(lp, b["log_probs"]) and np.array_equal(tg, b["targets"]))
        for (lp, tg), b in zip(pairs, inputs["batches"])
    ]


def probe_streaming(ns, target, inputs):
    """corpus_log_perplexity over a generator that makes each batch only when it is asked for it; at
    each request, how many of the batches made before are still alive (held by the function)."""
    import gc
    import weakref

    refs, held = [], []

    def stream():
        for b in inputs["batches"]:
            gc.collect()
            held.append(sum(ref() is not None for ref in refs))
            pair = (b["log_probs"].copy(), b["targets"].copy())
            refs.append(weakref.ref(pair[0]))
            yield pair
            del pair

    value = ns[target](stream())
    return {"value": value, "most_held": max(held)}


def holds_one_batch(received, expected, ctx):
    """Verdict: no more than one earlier batch (the one being reduced) held when the next is asked
    for, then the value equal to the reference's."""
    if isinstance(received, dict) and set(received) == {"value", "most_held"}:
        held = received["most_held"]
        if isinstance(held, int) and not isinstance(held, bool) and held > 1:
            return Outcome(
                False,
                "property",
                f"{ctx.what}: {held} earlier batches were still held when the next one was read; reduce each "
                "batch as it comes into running sums and keep no batch (no list(batches))",
            )
        return same_value({"value": received["value"]}, {"value": expected["value"]}, ctx)
    return same_value(received, expected, ctx)


def long_bigram_sequence(rng):
    """A (9, 9) bigram and a 700-symbol sequence: its probability, about 7 ** -700, underflows."""
    return {"probs": pub.random_bigram(rng, 9), "sequence": pub.sequences(rng, 9, (700,))[0]}


def long_bigram_corpus(rng):
    """A (9, 9) bigram, a 700-symbol sequence and two short ones."""
    return {"probs": pub.random_bigram(rng, 9), "sequences": pub.sequences(rng, 9, (700, 3, 5))}


UNCHANGED = inputs_unchanged
ARGS_UNCHANGED = arguments_unchanged
NO_EDIT = "your function changed an argument it was given: work on copies (no +=, x[...] = or in-place numpy/list calls on the arguments)"

CHECKS = [
    Check(
        "log_perplexity.hidden",
        "log_perplexity",
        "log_perplexity on a batch with hidden sizes",
        pub.padded_batch(4, 8, 3, (8, 3, 6, 1)),
        hint="do not hard-code sizes; mean over each sequence's real tokens, then over sequences",
    ),
    Check(
        "log_perplexity.all_padding_batch",
        "log_perplexity",
        "log_perplexity on a batch with no real token (expected nan)",
        pub.padded_batch(3, 4, 6, (0, 0, 0)),
        hint="when no sequence has a real token, return float('nan') (no exception, no 0)",
    ),
    Check(
        "log_perplexity.pad_id",
        "log_perplexity",
        "log_perplexity with pad_id = 2 passed as an argument",
        pub.padded_batch(5, 6, 4, (6, 2, 5, 1, 3), pad_id=2),
        hint="use the pad_id argument, not a hard-coded 0",
    ),
    Check(
        "perplexity.hidden",
        "perplexity",
        "perplexity on a batch with hidden sizes",
        pub.padded_batch(3, 9, 4, (2, 9, 5)),
        hint="exp of the natural-log log-perplexity",
    ),
    Check(
        "log_perplexity_tf.hidden",
        "log_perplexity_tf",
        "log_perplexity_tf with hidden sizes and an all-padding sequence",
        pub.padded_batch(5, 7, 3, (7, 0, 4, 1, 6)),
        probe=pub.probe_tf,
        hint="keep float64 throughout, and leave out sequences with no real token (tf.boolean_mask), as in the numpy version",
    ),
    Check(
        "log_perplexity_tf.all_padding_batch",
        "log_perplexity_tf",
        "log_perplexity_tf on a batch with no real token (expected nan)",
        pub.padded_batch(2, 5, 4, (0, 0)),
        probe=pub.probe_tf,
        hint="the mean over no sequence is nan, as in the numpy version",
    ),
    Check(
        "log_perplexity_tf.pad_id",
        "log_perplexity_tf",
        "log_perplexity_tf with pad_id = 3 passed as an argument",
        pub.padded_batch(4, 6, 5, (6, 1, 4, 3), pad_id=3),
        probe=pub.probe_tf,
        hint="build the mask from the pad_id argument (tf.not_equal(targets, pad_id)), not by casting the targets to bool",
    ),
    Check(
        "corpus_log_perplexity.token_weighted",
        "corpus_log_perplexity",
        "corpus_log_perplexity over a 1-token batch and a 62-token batch",
        token_weighted_corpus,
        probe=pub.probe_corpus,
        hint="weight by real tokens: a batch's share is its number of real tokens, not 1 / (number of batches)",
    ),
    Check(
        "corpus_log_perplexity.padding_batches",
        "corpus_log_perplexity",
        "corpus_log_perplexity with an all-padding batch in the middle, and on a corpus with no real token (expected nan)",
        padding_batches,
        probe=probe_padding_batches,
        hint="an all-padding batch adds 0 to both sums; with no real token at all return float('nan')",
    ),
    Check(
        "train_bigram.hidden",
        "train_bigram",
        "train_bigram with hidden sizes and k left at its default (1.0)",
        pub.bigram_inputs(11, (12, 2, 7, 5, 9, 3), None),
        hint="use vocab_size from the arguments; the default k is 1.0",
    ),
    Check(
        "train_bigram.array_sequences",
        "train_bigram",
        "train_bigram on sequences given as 1-D numpy arrays (V = 9, k = 0.75)",
        pub.bigram_inputs(9, (5, 1, 8, 3), 0.75, arrays=True),
        hint="a sequence may be a 1-D array: [START_ID] + seq would broadcast; convert it first (list(seq) or np.concatenate)",
    ),
    Check(
        "train_bigram.start_end",
        "train_bigram",
        "train_bigram on [[], [4], [5, 5, 4]], V = 6, k = 0.25",
        start_end_inputs,
        hint="every sequence, even an empty one, adds START -> first (or END) and last -> END",
    ),
    Check(
        "bigram_log_prob.hidden",
        "bigram_log_prob",
        "bigram_log_prob of an empty, a one-symbol and two longer sequences",
        log_probs_sequences,
        probe=probe_many_sequences,
        hint="an empty sequence has one transition, START -> END; a one-symbol sequence has two",
    ),
    Check(
        "bigram_perplexity.token_weighted",
        "bigram_perplexity",
        "bigram_perplexity of one long likely sequence and three short unlikely ones",
        long_and_short,
        hint="divide the total log-prob by the total number of predicted symbols, not by the number of sequences",
    ),
    Check(
        "log_perplexity.single",
        "log_perplexity",
        "log_perplexity on a batch of one sequence of one token",
        pub.padded_batch(1, 1, 4, (1,)),
        hint="keep the (m, T) axes when m = 1 or T = 1 (no squeeze); the result is that token's -log p",
    ),
    Check(
        "log_perplexity.unchanged",
        "log_perplexity",
        "log_probs and targets after log_perplexity (padded batch)",
        pub.padded_batch(5, 6, 4, (6, 2, 5, 1, 3)),
        probe=UNCHANGED,
        requires=("log_perplexity.values",),
        hint=NO_EDIT,
    ),
    Check(
        "perplexity.pad_id",
        "perplexity",
        "perplexity with pad_id = 3 passed as an argument",
        pub.padded_batch(4, 5, 6, (5, 2, 4, 1), pad_id=3),
        hint="pass pad_id on to log_perplexity",
    ),
    Check(
        "perplexity.unchanged",
        "perplexity",
        "log_probs and targets after perplexity (padded batch)",
        pub.padded_batch(5, 6, 4, (6, 2, 5, 1, 3)),
        probe=UNCHANGED,
        requires=("perplexity.values",),
        hint=NO_EDIT,
    ),
    Check(
        "log_perplexity_tf.long_sequence",
        "log_perplexity_tf",
        "log_perplexity_tf on 2 sequences of 1300 and 800 real tokens (one token with log-probability -800)",
        pub.long_batch(2, 1300, 5, (1300, 800)),
        probe=pub.probe_tf,
        hint="sum the log-probabilities (tf.reduce_sum): a product of many probabilities, or tf.exp(-800), underflows to 0",
    ),
    Check(
        "log_perplexity_tf.unchanged",
        "log_perplexity_tf",
        "log_probs and targets (numpy arrays) after log_perplexity_tf",
        pub.padded_batch(5, 6, 4, (6, 2, 5, 1, 3)),
        probe=UNCHANGED,
        requires=("log_perplexity_tf.values",),
        hint=NO_EDIT,
    ),
    Check(
        "corpus_log_perplexity.pad_id",
        "corpus_log_perplexity",
        "corpus_log_perplexity over 3 batches with pad_id = 4 passed as an argument",
        corpus_with_pad_id,
        probe=pub.probe_corpus,
        hint="use the pad_id argument for the mask, not a hard-coded 0",
    ),
    Check(
        "corpus_log_perplexity.long_sequence",
        "corpus_log_perplexity",
        "corpus_log_perplexity over a short batch and a batch of 1400- and 900-token sequences (one token with log-probability -800)",
        long_corpus,
        probe=pub.probe_corpus,
        hint="sum the log-probabilities; a product of many probabilities underflows to 0",
    ),
    Check(
        "corpus_log_perplexity.unchanged",
        "corpus_log_perplexity",
        "every batch's log_probs and targets after corpus_log_perplexity",
        pub.corpus([(2, 5, (5, 3)), (3, 4, (4, 1, 2))]),
        probe=probe_corpus_unchanged,
        requires=("corpus_log_perplexity.values",),
        hint=NO_EDIT,
    ),
    Check(
        "corpus_log_perplexity.streaming",
        "corpus_log_perplexity",
        "corpus_log_perplexity over a generator of 5 batches made one at a time (earlier batches held)",
        pub.corpus([(2, 5, (5, 3)), (3, 4, (4, 1, 2)), (1, 6, (6,)), (4, 3, (3, 2, 3, 1)), (2, 7, (7, 4))]),
        probe=probe_streaming,
        verdict=holds_one_batch,
        requires=("corpus_log_perplexity.values",),
        hint="read the batches once and keep running sums: do not store them (no list(batches)), so a whole corpus never sits in memory",
    ),
    Check(
        "train_bigram.unchanged",
        "train_bigram",
        "the sequences (lists of ids) after train_bigram",
        pub.bigram_inputs(8, (6, 3, 9, 1, 4), 0.5),
        probe=ARGS_UNCHANGED,
        requires=("train_bigram.values",),
        hint="train_bigram changed the caller's sequences: build new lists ([START_ID] + list(seq) + [END_ID]) instead of seq.insert / seq.append",
    ),
    Check(
        "bigram_log_prob.long_sequence",
        "bigram_log_prob",
        "bigram_log_prob of a 700-symbol sequence (probability about 7 ** -700)",
        long_bigram_sequence,
        hint="sum np.log of each transition's probability: the product of 701 probabilities underflows to 0",
    ),
    Check(
        "bigram_log_prob.unchanged",
        "bigram_log_prob",
        "probs and the sequence after bigram_log_prob",
        pub.bigram_eval(9, (6,), single=True),
        probe=ARGS_UNCHANGED,
        requires=("bigram_log_prob.values",),
        hint=NO_EDIT,
    ),
    Check(
        "bigram_perplexity.long_sequence",
        "bigram_perplexity",
        "bigram_perplexity of a 700-symbol sequence and two short ones",
        long_bigram_corpus,
        hint="work with log-probabilities throughout: exp(-(sum of log-probs) / count), not a product of probabilities",
    ),
    Check(
        "bigram_perplexity.unchanged",
        "bigram_perplexity",
        "probs and the sequences after bigram_perplexity",
        pub.bigram_eval(9, (7, 2, 5, 3)),
        probe=ARGS_UNCHANGED,
        requires=("bigram_perplexity.values",),
        hint=NO_EDIT,
    ),
]
