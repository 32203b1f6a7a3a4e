"""Hidden checks of assignment 9 (never released): other sizes, edge cases, masking invariance,
beam-search properties, the Keras model's padding and training."""

import numpy as np

from autograder.checks import (
    Check,
    Outcome,
    arguments_unchanged,
    build_and_describe,
    compare_values,
    describe,
    fit_inputs,
    fit_losses,
    gradients_agree,
    inputs_unchanged,
    loss_falls,
    same_model,
    sibling,
    unchanged_check,
)

pub = sibling(__file__, "public_checks")

UNCHANGED = inputs_unchanged
ARGS_UNCHANGED = arguments_unchanged
NO_EDIT = "your function changed an array it was given: work on new arrays (no +=, x[...] = on an argument)"


def unchanged(fn, inputs, what, probe=UNCHANGED, values="values", hint=NO_EDIT):
    """Hidden check that ``fn`` leaves its inputs as they were; it counts only when ``fn``'s values are right."""
    return unchanged_check(fn, inputs, what, after=values, probe=probe, hint=hint)


def holes_inputs(rng):
    """Scores (6, 8) with a mask whose zeros are anywhere (not only at the end); every row keeps a 1."""
    mask = (rng.uniform(size=(6, 8)) < 0.6).astype(np.float64)
    mask[np.arange(6), rng.integers(0, 8, size=6)] = 1.0
    return {"scores": rng.normal(size=(6, 8)) * 2.0 + 1.0, "mask": mask}


def large_inputs(rng):
    """Rows of real scores near 1000, -1000 and 0 (real lengths 4, 1, 3 of 4), padded ones 2000: exp overflows
    unless each row is shifted by its own largest real score (a shift by the largest of the whole batch
    underflows the other rows to 0 / 0)."""
    mask = pub.lengths_mask((4, 1, 3), 4)
    centre = np.array([[1000.0], [-1000.0], [0.0]])
    return {"scores": np.where(mask > 0, centre + 30.0 * rng.normal(size=(3, 4)), 2000.0), "mask": mask}


def integer_mask_inputs(rng):
    """An int mask of 0 and 1 and padded scores that are exactly 0 (a mask multiplied into the scores leaves them 0, not -inf)."""
    mask = pub.lengths_mask((2, 5, 4), 5).astype(np.int64)
    scores = np.where(mask > 0, rng.normal(size=(3, 5)) - 3.0, 0.0)
    return {"scores": scores, "mask": mask}


def invariance_inputs(rng):
    """Scores of 4 sources (lengths 5, 2, 4, 3 of 5), and 3 more padded positions with huge scores."""
    base = pub.softmax_inputs((5, 2, 4, 3), 5)(rng)
    return {**base, "extra_scores": rng.normal(size=(4, 3)) * 5.0 + 40.0}


def probe_padding_invariant(ns, target, inputs):
    """masked_softmax on the scores, and on the same scores with 3 padded positions appended: the weights of both."""
    import numpy as np

    first = ns[target](inputs["scores"].copy(), inputs["mask"].copy())
    scores = np.concatenate([inputs["scores"], inputs["extra_scores"]], axis=1)
    mask = np.concatenate([inputs["mask"], np.zeros_like(inputs["extra_scores"])], axis=1)
    padded = ns[target](scores, mask)
    return {"weights": first, "weights with 3 more padded positions": padded}


def backward_arguments(rng):
    """attention_backward's three arguments only (for the inputs-unchanged check)."""
    inputs = pub.backward_inputs((3, 2), 3, 4)(rng)
    return {k: inputs[k] for k in ("d_context", "weights", "values")}


def one_hot_inputs(rng):
    """Weights that are one-hot rows: the context is one value row."""
    choice = rng.integers(0, 5, size=3)
    return {"weights": np.eye(5)[choice], "values": rng.normal(size=(3, 5, 4))}


def probe_model_padding(ns, target, inputs):
    """The model's outputs (seeded weights) on padded sources, and on the same sources with 4 more PAD columns."""
    import numpy as np

    from autograder.checks import describe_model

    args = {k: inputs[k] for k in ("source_vocab", "target_vocab", "embed_dim", "units")}
    model = ns[target](**args)
    src, dec = inputs["sample_input"]
    first = describe_model(model, sample_input=[src, dec]).get("outputs")
    longer = np.concatenate([src, np.zeros((src.shape[0], 4), dtype=src.dtype)], axis=1)
    again = describe_model(model, sample_input=[longer, dec]).get("outputs")
    return {"outputs": first, "outputs with 4 more PAD columns in the source": again}


def probe_attention_weights(ns, target, inputs):
    """The weights returned by the layer named "attention" (seeded model weights) on the sample input."""
    import keras
    import numpy as np

    args = {k: inputs[k] for k in ("source_vocab", "target_vocab", "embed_dim", "units")}
    model = ns[target](**args)
    rng = np.random.default_rng(0)
    model.set_weights([rng.normal(size=tuple(w.shape)).astype(np.float32) * 0.5 for w in model.weights])
    try:
        layer = model.get_layer("attention")
    except ValueError:
        return 'no layer named "attention"'
    outputs = layer.output
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 2:
        return 'the layer named "attention" was not called with return_attention_scores=True'
    weights = keras.Model(model.inputs, outputs[1])(inputs["sample_input"], training=False)
    return np.asarray(weights, dtype=np.float64)


def training_inputs(rng):
    """24 sources of 3-5 ids (padded) whose target is the source reversed: learnable in 60 full-batch epochs."""
    n, s = 24, 5
    sources = np.zeros((n, s), dtype=np.int32)
    targets = []
    for r in range(n):
        length = int(rng.integers(3, s + 1))
        ids = rng.integers(1, 6, size=length)
        sources[r, :length] = ids
        targets.append([int(i) + 2 for i in ids[::-1]])
    dec_in = np.zeros((n, s + 1), dtype=np.int32)
    dec_out = np.zeros((n, s + 1), dtype=np.int32)
    for r, t in enumerate(targets):
        dec_in[r, : len(t) + 1] = [1] + t
        dec_out[r, : len(t) + 1] = t + [2]
    return {
        "source_vocab": 6,
        "target_vocab": 8,
        "embed_dim": 8,
        "units": 16,
        "sources": sources,
        "decoder_inputs": dec_in,
        "decoder_targets": dec_out,
        "epochs": 60,
    }


def probe_decode_unchanged(ns, target, inputs):
    """Decodes with a step function that keeps each array it returns and its copy: were they all left unchanged?"""
    import numpy as np

    table = inputs["table"]
    given = []

    def step(prefix):
        prefix = list(prefix)
        t = len(prefix) - 1
        if not prefix or t >= table.shape[0]:
            raise ValueError(
                f"step was called with a prefix of {len(prefix)} ids; expected BOS and at most max_len - 1 more"
            )
        row = table[t, int(prefix[-1])].copy()
        given.append((row, row.copy()))
        return row

    ns[target](step, **{k: v for k, v in inputs.items() if k != "table"})
    return {"the arrays step returned": all(np.array_equal(a, b) for a, b in given)}


def probe_finished(ns, target, inputs):
    """Beam search with a step function that records every prefix it is called with."""
    table = inputs["table"]
    prefixes = []

    def step(prefix):
        prefix = [int(p) for p in prefix]
        prefixes.append(prefix)
        t = len(prefix) - 1
        if not prefix or t >= table.shape[0]:
            raise ValueError(
                f"step was called with a prefix of {len(prefix)} ids; expected BOS and at most max_len - 1 more"
            )
        return table[t, prefix[-1]].copy()

    beam = ns[target](step, **{k: v for k, v in inputs.items() if k != "table"})
    return {"beam": beam, "prefixes": prefixes}


def finished_stay_finished(received, expected, ctx):
    """Verdict of beam_search.finished: step never called on a prefix that holds eos_id (a finished
    hypothesis is never expanded), and no returned hypothesis has an id after eos_id."""
    eos = ctx.inputs["eos_id"]
    if not isinstance(received, dict) or not isinstance(received.get("beam"), (list, tuple)):
        return Outcome(
            False, "type", f"{ctx.what}: expected a list of (tokens, log_prob) pairs, received something else"
        )
    for prefix in received["prefixes"]:
        if eos in prefix[1:]:
            return Outcome(
                False,
                "property",
                f"{ctx.what}: expected finished hypotheses never to be expanded, "
                f"received a call step({prefix}) on a prefix that already holds eos_id {eos}",
            )
    for hyp in received["beam"]:
        tokens = list(hyp[0]) if isinstance(hyp, (list, tuple)) and hyp else []
        if eos in tokens[:-1]:
            return Outcome(
                False,
                "property",
                f"{ctx.what}: expected eos_id {eos} only as a hypothesis's last id, received {tokens}",
            )
    return Outcome(True)


def probe_width_one(ns, target, inputs):
    """beam_search with beam_width=1 and greedy_decode (both the student's) on the same toy decoders
    (inputs["table"] with max_len, and inputs["endless"] with its own length as max_len)."""

    def stepper(table):
        def step(prefix):
            prefix = list(prefix)
            t = len(prefix) - 1
            if not prefix or t >= table.shape[0]:
                raise ValueError(
                    f"step was called with a prefix of {len(prefix)} ids; expected BOS and at most max_len - 1 more"
                )
            return table[t, int(prefix[-1])].copy()

        return step

    out = {}
    for name, max_len in (("table", inputs["max_len"]), ("endless", inputs["endless"].shape[0])):
        args = {"bos_id": inputs["bos_id"], "eos_id": inputs["eos_id"], "max_len": max_len}
        out[name] = {
            "beam": ns[target](stepper(inputs[name]), beam_width=1, alpha=inputs["alpha"], **args),
            "greedy": ns["greedy_decode"](stepper(inputs[name]), **args),
        }
    return out


def width_one_is_greedy(received, expected, ctx):
    """Verdict of beam_search.width_one: on each toy decoder, the one hypothesis of a width-1 beam is greedy's (tokens and score)."""
    for name in ("table", "endless"):
        got = received.get(name) if isinstance(received, dict) else None
        beam = got.get("beam") if isinstance(got, dict) else None
        decoder = "a toy decoder" if name == "table" else "a toy decoder that never ends"
        if not isinstance(beam, (list, tuple)) or len(beam) != 1:
            return Outcome(
                False,
                "type",
                f"{ctx.what}, on {decoder}: expected a beam of one (tokens, log_prob) pair, received {describe(beam)}",
            )
        outcome = compare_values(
            f"{ctx.what}, on {decoder}: the width-1 beam's hypothesis against your greedy_decode's",
            beam[0],
            got["greedy"],
            tol=ctx.tol,
        )
        if not outcome.passed:
            return outcome
    return Outcome(True)


def probe_monotone(ns, target, inputs):
    """beam_search (alpha=0) with max_len = 1, 2, ..., 5 on a decoder that never ends: the beams."""
    table = inputs["table"]

    def step(prefix):
        prefix = list(prefix)
        t = len(prefix) - 1
        if not prefix or t >= table.shape[0]:
            raise ValueError(
                f"step was called with a prefix of {len(prefix)} ids; expected BOS and at most max_len - 1 more"
            )
        return table[t, int(prefix[-1])].copy()

    return [
        ns[target](
            step,
            bos_id=inputs["bos_id"],
            eos_id=inputs["eos_id"],
            beam_width=inputs["beam_width"],
            max_len=m,
            alpha=0.0,
        )
        for m in range(1, table.shape[0] + 1)
    ]


def scores_never_increase(received, expected, ctx):
    """Verdict of beam_search.monotone: each hypothesis's log_prob is the sum of the toy decoder's
    log-probabilities of its ids, and the best log_prob never increases when max_len grows."""
    table, bos = ctx.inputs["table"], ctx.inputs["bos_id"]
    best = []
    if not isinstance(received, (list, tuple)) or len(received) != table.shape[0]:
        return Outcome(False, "type", f"{ctx.what}: expected one beam per max_len, received something else")
    for m, beam in enumerate(received, start=1):
        if not isinstance(beam, (list, tuple)) or not beam:
            return Outcome(
                False,
                "type",
                f"{ctx.what}: with max_len={m}, expected a non-empty list of (tokens, log_prob), received {beam!r:.80}",
            )
        for tokens, log_prob in beam:
            tokens = [int(t) for t in tokens]
            total, last = 0.0, bos
            for t, w in enumerate(tokens):
                total += float(table[t, last, w])
                last = w
            if len(tokens) != m or abs(total - float(log_prob)) > 1e-9 * max(1.0, abs(total)):
                return Outcome(
                    False,
                    "values",
                    f"{ctx.what}: with max_len={m} on a decoder that never ends, expected hypotheses of {m} ids "
                    f"scored by their summed log-probabilities, received {tokens} with {float(log_prob):.6g} "
                    f"(the sum is {total:.6g})",
                )
        best.append(max(float(lp) for _, lp in beam))
    for m in range(1, len(best)):
        if best[m] > best[m - 1] + 1e-12:
            return Outcome(
                False,
                "property",
                f"{ctx.what}: expected the best unnormalised score never to increase with the length, "
                f"received {best[m - 1]:.6g} with max_len={m} and {best[m]:.6g} with max_len={m + 1}",
            )
    return Outcome(True)


def endless_decoder(rng):
    """A random toy decoder whose eos_id has probability ~0 (hypotheses never finish), beam_width 3."""
    out = pub.decoder_inputs(6, 5, beam_width=3, eos_weight=1e-12)(rng)
    return out


def width_one_inputs(rng):
    """A random toy decoder, and one that never ends (greedy's max_len rule is seen there)."""
    return {
        **pub.decoder_inputs(7, 7, alpha=0.9, eos_weight=0.5)(rng),
        "endless": pub.decoder_inputs(5, 4, eos_weight=1e-12)(rng)["table"],
    }


def eos_first_inputs(rng, vocab=6, max_len=5, beam_width=None, p_eos=0.8, alpha=None):
    """A random toy decoder where eos is the most probable first id (probability p_eos >= the rest together)."""
    out = pub.decoder_inputs(vocab, max_len, beam_width=beam_width, alpha=(alpha or 0.0) if beam_width else None)(rng)
    row = np.exp(out["table"][0, out["bos_id"]])
    row[out["eos_id"]] = 0.0
    row = row / row.sum() * (1.0 - p_eos)
    row[out["eos_id"]] = p_eos
    out["table"][0, out["bos_id"]] = np.log(np.maximum(row, 1e-300))
    return out


def tied_inputs(rng, vocab=7, max_len=5, beam_width=None, alpha=None):
    """A toy decoder whose log-probabilities are small integers, so that sums are exact: every row
    has its best value at two ids or more (an exact tie wherever greedy chooses), and hypotheses
    tie at the beam's cut (the stated rules: lowest id; equal scores keep the candidates' order)."""
    table = -rng.integers(1, 4, size=(max_len, vocab, vocab)).astype(float)
    table[:-1, :, 2] = -3.0  # eos (id 2) unlikely before the last step
    others = np.array([i for i in range(vocab) if i != 2])
    for row in table.reshape(-1, vocab):  # views: each row of the table
        row[rng.choice(others, size=2, replace=False)] = row.max()
    out = {"table": table, "bos_id": 1, "eos_id": 2, "max_len": max_len}
    if beam_width is not None:
        out.update(beam_width=beam_width, alpha=0.0 if alpha is None else alpha)
    return out


def late_eos_inputs(rng, vocab=7, at=3, eos_weight=0.05):
    """A decoder where eos is the argmax (0.9) after `at` ids, and unlikely before: greedy stops there at the latest."""
    out = pub.decoder_inputs(vocab, 8, eos_weight=eos_weight)(rng)
    probs = np.exp(out["table"][at])
    probs[:, out["eos_id"]] = 0.0
    probs = 0.1 * probs / probs.sum(axis=-1, keepdims=True)
    probs[:, out["eos_id"]] = 0.9
    out["table"][at] = np.log(np.maximum(probs, 1e-300))
    return out


CHECKS = [
    Check(
        "additive_scores.hidden",
        "additive_scores",
        "additive_scores(query (3, 2), keys (3, 8, 6), A = 4)",
        pub.additive_inputs(3, 8, 2, 6, 4),
        hint="the sizes come from the arrays: nothing fixed",
    ),
    Check(
        "additive_scores.one_position",
        "additive_scores",
        "additive_scores with one source position (S = 1)",
        pub.additive_inputs(5, 1, 3, 4, 2),
        hint="the output keeps the source axis: shape (B, 1)",
    ),
    Check(
        "additive_scores.large",
        "additive_scores",
        "additive_scores with large inputs (tanh saturates)",
        pub.additive_inputs(2, 5, 4, 3, 6, scale=10.0),
        hint="tanh before v: without it the scores grow with the inputs",
    ),
    unchanged("additive_scores", pub.additive_inputs(2, 3, 4, 5, 6), "query (2, 4), keys (2, 3, 5)"),
    Check(
        "multiplicative_scores.hidden",
        "multiplicative_scores",
        "multiplicative_scores(query (2, 3), keys (2, 9, 7), W (3, 7))",
        pub.multiplicative_inputs(2, 9, 3, 7),
        hint="score[b, j] = query[b] @ W @ keys[b, j]",
    ),
    Check(
        "multiplicative_scores.square",
        "multiplicative_scores",
        "multiplicative_scores with d_q = d_k = 4 and a non-symmetric W",
        pub.multiplicative_inputs(3, 5, 4, 4),
        hint="query @ W, not query @ W.T (they differ when W is not symmetric), and W is not the identity",
    ),
    unchanged("multiplicative_scores", pub.multiplicative_inputs(3, 4, 2, 5), "query (3, 2), keys (3, 4, 5)"),
    Check(
        "masked_softmax.hidden",
        "masked_softmax",
        "masked_softmax of (3, 9) scores, real lengths 2, 9 and 4",
        pub.softmax_inputs((2, 9, 4), 9),
        hint="each row sums to 1 over its real positions only",
    ),
    Check(
        "masked_softmax.large_scores",
        "masked_softmax",
        "masked_softmax of rows of scores near 1000, -1000 and 0 (real lengths 4, 1, 3)",
        large_inputs,
        hint="subtract each row's largest REAL score before exp (no overflow, no nan)",
    ),
    Check(
        "masked_softmax.holes",
        "masked_softmax",
        "masked_softmax with zeros of the mask anywhere in the rows",
        holes_inputs,
        hint="every position whose mask is 0 gets weight 0, not only trailing ones",
    ),
    Check(
        "masked_softmax.zero_pad_scores",
        "masked_softmax",
        "masked_softmax with an int mask and padded scores of exactly 0",
        integer_mask_inputs,
        hint="masking by scores * mask leaves a padded score at 0, which still gets weight: use -inf (or a huge negative) where mask is 0",
    ),
    Check(
        "masked_softmax.padding_invariant",
        "masked_softmax",
        "masked_softmax, then again with 3 more padded positions of huge scores",
        invariance_inputs,
        probe=probe_padding_invariant,
        hint="padding the source must change nothing: padded positions get weight 0 whatever their score",
    ),
    unchanged("masked_softmax", pub.softmax_inputs((3, 2), 4), "(2, 4) scores"),
    Check(
        "context_vector.hidden",
        "context_vector",
        "context_vector(weights (5, 2), values (5, 2, 7))",
        pub.context_inputs(5, 2, 7),
        hint="sum over the source positions, not the features: shape (B, d_v)",
    ),
    Check(
        "context_vector.one_hot",
        "context_vector",
        "context_vector with one-hot weights (3, 5), values (3, 5, 4)",
        one_hot_inputs,
        hint="a one-hot row of weights picks that position's value row",
    ),
    unchanged("context_vector", pub.context_inputs(2, 3, 4), "weights (2, 3), values (2, 3, 4)"),
    Check(
        "attention_backward.hidden",
        "attention_backward",
        "attention_backward(d_context (3, 5), weights (3, 7), values (3, 7, 5))",
        pub.backward_inputs((7, 1, 4), 7, 5),
        probe=pub.probe_backward,
        hint="d_scores has the weights' shape, d_values the values'",
    ),
    Check(
        "attention_backward.numeric_hidden",
        "attention_backward",
        "attention_backward against finite differences on other sizes",
        pub.backward_inputs((2, 6, 4, 6), 6, 3),
        probe=pub.probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("attention_backward.values", "masked_softmax.values", "context_vector.values"),
        hint="subtract the weighted mean of g before multiplying by the weights",
    ),
    unchanged("attention_backward", backward_arguments, "d_context (2, 4), weights (2, 3), values (2, 3, 4)"),
    Check(
        "teacher_forcing.hidden",
        "teacher_forcing",
        "teacher_forcing of 5 targets with BOS 20, EOS 21, PAD 22",
        pub.targets_inputs((2, 6, 3, 1, 6), bos_id=20, eos_id=21, pad_id=22, low=0, high=20),
        hint="use the bos_id, eos_id and pad_id arguments, not fixed ids",
    ),
    Check(
        "teacher_forcing.equal_lengths",
        "teacher_forcing",
        "teacher_forcing of 3 targets of the same length 4",
        pub.targets_inputs((4, 4, 4)),
        hint="no padding needed: shape (N, L + 1)",
    ),
    Check(
        "teacher_forcing.empty",
        "teacher_forcing",
        "teacher_forcing with an empty target among 3",
        pub.targets_inputs((2, 0, 3)),
        hint="an empty target gives inputs [BOS, PAD, ...] and targets [EOS, PAD, ...]",
    ),
    unchanged(
        "teacher_forcing",
        pub.targets_inputs((3, 1)),
        "2 targets",
        probe=ARGS_UNCHANGED,
        hint="your function changed the target lists it was given: build new lists (no insert/append on them)",
    ),
    Check(
        "build_seq2seq.hidden",
        "build_seq2seq",
        "the model from build_seq2seq(17, 12, 5, 3)",
        pub.seq2seq_inputs(17, 12, 5, 3, b=4, s=6, t=4),
        probe=build_and_describe,
        verdict=same_model,
        hint="use the four arguments: no fixed sizes",
    ),
    Check(
        "build_seq2seq.padding",
        "build_seq2seq",
        "build_seq2seq(13, 8, 4, 5)'s outputs, then with 4 more PAD columns in the source",
        pub.seq2seq_inputs(13, 8, 4, 5),
        probe=probe_model_padding,
        requires=("build_seq2seq.structure",),
        hint="mask_zero=True on the source Embedding: padded source positions must change nothing",
    ),
    Check(
        "build_seq2seq.attention",
        "build_seq2seq",
        'the weights of build_seq2seq(11, 9, 4, 6)\'s layer named "attention"',
        pub.seq2seq_inputs(11, 9, 4, 6),
        probe=probe_attention_weights,
        requires=("build_seq2seq.structure",),
        hint='name the Attention layer "attention" and call it with [decoder outputs, encoder outputs] and return_attention_scores=True',
    ),
    Check(
        "build_seq2seq.training",
        "build_seq2seq",
        "build_seq2seq(6, 8, 8, 16) trained 60 full-batch epochs on reversed sequences",
        lambda rng: fit_inputs(
            training_inputs(rng),
            build=["source_vocab", "target_vocab", "embed_dim", "units"],
            x=["sources", "decoder_inputs"],
            y="decoder_targets",
        ),
        probe=fit_losses,
        verdict=loss_falls,
        reference=False,
        requires=("build_seq2seq.structure",),
        hint="the output is a softmax over the target vocabulary, trained with SparseCategoricalCrossentropy",
    ),
    Check(
        "greedy_decode.hidden",
        "greedy_decode",
        "greedy_decode on a random toy decoder (9 ids), max_len=8",
        lambda rng: late_eos_inputs(rng, vocab=9, at=int(rng.integers(2, 6)), eos_weight=0.4),
        probe=pub.probe_decode,
        hint="the prefix given to step starts with bos_id",
    ),
    Check(
        "greedy_decode.stops_at_eos",
        "greedy_decode",
        "greedy_decode on a toy decoder whose 4th id is eos",
        late_eos_inputs,
        probe=pub.probe_decode,
        hint="stop right after eos_id (it is the last token of the output)",
    ),
    Check(
        "greedy_decode.eos_first",
        "greedy_decode",
        "greedy_decode on a toy decoder where eos is the most probable first id",
        eos_first_inputs,
        probe=pub.probe_decode,
        hint="eos_id as the first id gives ([eos_id], its log-probability)",
    ),
    Check(
        "greedy_decode.max_len",
        "greedy_decode",
        "greedy_decode on a toy decoder that never ends, max_len=4",
        lambda rng: pub.decoder_inputs(5, 4, eos_weight=1e-12)(rng),
        probe=pub.probe_decode,
        hint="exactly max_len ids when eos never comes: not max_len - 1, not max_len + 1",
    ),
    Check(
        "greedy_decode.one_step",
        "greedy_decode",
        "greedy_decode with max_len=1",
        lambda rng: pub.decoder_inputs(6, 1)(rng),
        probe=pub.probe_decode,
        hint="max_len=1: one id",
    ),
    Check(
        "greedy_decode.ties",
        "greedy_decode",
        "greedy_decode on a toy decoder with exact ties at every step (7 ids, max_len=5)",
        tied_inputs,
        probe=pub.probe_decode,
        hint="among exactly equal log-probabilities take the lowest id, as np.argmax does",
    ),
    unchanged(
        "greedy_decode",
        pub.decoder_inputs(6, 5),
        "a toy decoder",
        probe=probe_decode_unchanged,
        hint="never change the array step returns (no += on the log-probabilities)",
    ),
    Check(
        "beam_search.hidden",
        "beam_search",
        "beam_search on a random toy decoder (8 ids), beam_width=4, max_len=6, alpha=0",
        lambda rng: eos_first_inputs(rng, vocab=8, max_len=6, beam_width=4, p_eos=0.5),
        probe=pub.probe_decode,
        hint="the beam_width best candidates of all hypotheses together, not the best of each",
    ),
    Check(
        "beam_search.normalised_hidden",
        "beam_search",
        "beam_search (7 ids), beam_width=3, max_len=7, alpha=1, where normalisation picks a longer output",
        pub.chain_inputs(7, 7, 3, 1.0),
        probe=pub.probe_decode,
        hint="rank by log_prob / len(tokens) ** alpha, with len counting eos",
    ),
    Check(
        "beam_search.ties",
        "beam_search",
        "beam_search (7 ids), beam_width=3, max_len=4, with exact ties among the candidates at the cut",
        lambda rng: tied_inputs(rng, max_len=4, beam_width=3),
        probe=pub.probe_decode,
        hint="equal scores keep the candidates' order (hypotheses in beam order, ids ascending): sort stably",
    ),
    Check(
        "beam_search.default_alpha",
        "beam_search",
        "beam_search (6 ids), beam_width=3, max_len=6, alpha left at its default",
        lambda rng: {k: v for k, v in pub.planted_chain(rng, 6, 6, 3, 1.0).items() if k != "alpha"},
        probe=pub.probe_decode,
        hint="the default is alpha=0.0: no length normalisation unless asked for",
    ),
    Check(
        "beam_search.eos_first",
        "beam_search",
        "beam_search (beam_width=2) where eos is the most probable first id",
        lambda rng: eos_first_inputs(rng, beam_width=2),
        probe=pub.probe_decode,
        hint="a finished hypothesis stays in the beam as it is",
    ),
    Check(
        "beam_search.one_step",
        "beam_search",
        "beam_search with max_len=1, beam_width=3",
        lambda rng: pub.decoder_inputs(6, 1, beam_width=3, alpha=0.0)(rng),
        probe=pub.probe_decode,
        hint="max_len=1: one expansion of the empty hypothesis",
    ),
    Check(
        "beam_search.wide",
        "beam_search",
        "beam_search with beam_width=30 > the number of candidates (4 ids, max_len=2)",
        lambda rng: pub.decoder_inputs(4, 2, beam_width=30, alpha=0.0)(rng),
        probe=pub.probe_decode,
        hint="fewer candidates than beam_width: keep them all, best first",
    ),
    Check(
        "beam_search.width_one",
        "beam_search",
        "beam_search with beam_width=1 against your greedy_decode",
        width_one_inputs,
        probe=probe_width_one,
        verdict=width_one_is_greedy,
        reference=False,
        requires=("beam_search.values", "greedy_decode.values"),
        hint="with beam_width=1 beam search is greedy decoding",
    ),
    Check(
        "beam_search.monotone",
        "beam_search",
        "beam_search with max_len 1 to 5 on a toy decoder that never ends",
        endless_decoder,
        probe=probe_monotone,
        verdict=scores_never_increase,
        reference=False,
        requires=("beam_search.values",),
        hint="a hypothesis's log_prob is the sum of its ids' log-probabilities (each <= 0): it can only fall as it grows",
    ),
    Check(
        "beam_search.finished",
        "beam_search",
        "beam_search (beam_width=3) with every call of step recorded",
        lambda rng: eos_first_inputs(rng, vocab=6, max_len=6, beam_width=3, p_eos=0.4, alpha=0.5),
        probe=probe_finished,
        verdict=finished_stay_finished,
        reference=False,
        requires=("beam_search.values",),
        hint="a hypothesis that ends with eos_id is kept as it is and never passed to step",
    ),
    unchanged(
        "beam_search",
        pub.decoder_inputs(6, 4, beam_width=2, alpha=0.0),
        "a toy decoder",
        probe=probe_decode_unchanged,
        hint="never change the array step returns (no += on the log-probabilities)",
    ),
]
