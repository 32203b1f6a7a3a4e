"""Public checks of assignment 9 (released: students self-check with them)."""

import numpy as np

from autograder.checks import Check, build_and_describe, gradients_agree, same_model


def additive_inputs(b, s, d_q, d_k, a, scale=1.0):
    """Inputs of additive_scores: all sizes distinct, so a transposed or misplaced matrix fails."""

    def build(rng):
        return {
            "query": rng.normal(size=(b, d_q)) * scale,
            "keys": rng.normal(size=(b, s, d_k)) * scale,
            "W_q": rng.normal(size=(d_q, a)),
            "W_k": rng.normal(size=(d_k, a)),
            "v": rng.normal(size=a),
        }

    return build


def multiplicative_inputs(b, s, d_q, d_k):
    def build(rng):
        return {
            "query": rng.normal(size=(b, d_q)),
            "keys": rng.normal(size=(b, s, d_k)),
            "W": rng.normal(size=(d_q, d_k)),
        }

    return build


def lengths_mask(lengths, s):
    """A (len(lengths), s) float mask: 1.0 on the first lengths[r] positions of row r, 0.0 after."""
    return (np.arange(s)[None, :] < np.asarray(lengths)[:, None]).astype(np.float64)


def softmax_inputs(lengths, s, scale=3.0, pad_score=None):
    """Scores with padded positions given large scores (so that forgetting the mask is seen)."""

    def build(rng):
        mask = lengths_mask(lengths, s)
        scores = rng.normal(size=(len(lengths), s)) * scale
        scores = np.where(mask > 0, scores, pad_score if pad_score is not None else np.abs(scores) + 2.0)
        return {"scores": scores, "mask": mask}

    return build


def context_inputs(b, s, d):
    def build(rng):
        w = rng.uniform(0.1, 1.0, size=(b, s))
        return {"weights": w / w.sum(axis=1, keepdims=True), "values": rng.normal(size=(b, s, d))}

    return build


def backward_inputs(lengths, s, d):
    """attention_backward's inputs: weights of padded sources (a masked softmax of random scores), values and d_context;
    the scores and the mask too, for the finite-difference check."""

    def build(rng):
        mask = lengths_mask(lengths, s)
        scores = rng.normal(size=(len(lengths), s)) * 2.0
        z = np.where(mask > 0, scores, -np.inf)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return {
            "d_context": rng.normal(size=(len(lengths), d)),
            "weights": e / e.sum(axis=1, keepdims=True),
            "values": rng.normal(size=(len(lengths), s, d)),
            "scores": scores,
            "mask": mask,
        }

    return build


def probe_backward(ns, target, inputs):
    """attention_backward on (d_context, weights, values)."""
    return ns[target](inputs["d_context"].copy(), inputs["weights"].copy(), inputs["values"].copy())


def probe_backward_numeric(ns, target, inputs):
    """The student's attention_backward, given the student's own masked_softmax of the scores, against centred
    differences of sum(d_context * context_vector(masked_softmax(scores, mask), values)) from their own functions."""
    import numpy as np

    from autograder.checks import against_differences

    mask, d_context = inputs["mask"], inputs["d_context"]
    base = {"scores": inputs["scores"].copy(), "values": inputs["values"].copy()}
    weights = np.asarray(ns["masked_softmax"](base["scores"].copy(), mask.copy()), dtype=np.float64)
    d_scores, d_values = ns[target](d_context.copy(), weights, base["values"].copy())

    def loss(q):
        w = ns["masked_softmax"](q["scores"], mask.copy())
        return float(np.sum(d_context * np.asarray(ns["context_vector"](w, q["values"]))))

    return against_differences(
        loss, base, {"d_scores": d_scores, "d_values": d_values}, {"scores": "d_scores", "values": "d_values"}
    )


def targets_inputs(lengths, bos_id=1, eos_id=2, pad_id=0, low=3, high=14):
    def build(rng):
        return {
            "targets": [[int(i) for i in rng.integers(low, high, size=n)] for n in lengths],
            "bos_id": bos_id,
            "eos_id": eos_id,
            "pad_id": pad_id,
        }

    return build


def seq2seq_inputs(source_vocab, target_vocab, embed_dim, units, b=3, s=7, t=5):
    """build_seq2seq sizes and a sample input whose sources are padded (rows of different lengths)."""

    def build(rng):
        src = rng.integers(1, source_vocab, size=(b, s)).astype(np.int32)
        for r in range(b):
            src[r, s - 2 * r :] = 0
        dec = rng.integers(3, target_vocab, size=(b, t)).astype(np.int32)
        dec[:, 0] = 1
        return {
            "source_vocab": source_vocab,
            "target_vocab": target_vocab,
            "embed_dim": embed_dim,
            "units": units,
            "sample_input": [src, dec],
        }

    return build


def markov_table(rng, max_len, vocab, bos_id=1, eos_id=2, eos_weight=1.0, concentration=0.6):
    """A toy decoder's table of log-probabilities: table[t, last] is the distribution of the id after
    t generated ids whose last one is `last` (BOS_ID when t = 0). Peaked rows, so that beams differ."""
    probs = rng.dirichlet(np.full(vocab, concentration), size=(max_len, vocab))
    probs[..., eos_id] *= eos_weight
    probs = probs / probs.sum(axis=-1, keepdims=True)
    return np.log(np.maximum(probs, 1e-300))


def decoder_inputs(vocab, max_len, beam_width=None, alpha=None, bos_id=1, eos_id=2, **table):
    """Inputs of greedy_decode / beam_search: a random toy decoder and the settings."""

    def build(rng):
        out = {
            "table": markov_table(rng, max_len, vocab, bos_id, eos_id, **table),
            "bos_id": bos_id,
            "eos_id": eos_id,
            "max_len": max_len,
        }
        if beam_width is not None:
            out["beam_width"] = beam_width
        if alpha is not None:
            out["alpha"] = alpha
        return out

    return build


def planted_chain(rng, vocab, max_len, beam_width, alpha, bos_id=1, eos_id=2):
    """A random toy decoder with a planted choice that length normalisation decides: "eos" first has
    probability 0.35; the chain a, b, c, eos (ids drawn from 3..vocab-1) has 0.45 * 0.7 ** 3 = 0.154.
    Unnormalised, [eos] is the best; with alpha >= 0.7 the chain is."""
    table = markov_table(rng, max_len, vocab, bos_id, eos_id)
    a, b, c = (int(i) for i in rng.choice(np.arange(3, vocab), size=3, replace=False))

    def plant(t, last, best, p_best, p_eos=None):
        rest = np.exp(table[t, last])
        rest[[best] + ([eos_id] if p_eos is not None else [])] = 0.0
        row = rest / rest.sum() * (1.0 - p_best - (p_eos or 0.0))
        row[best] = p_best
        if p_eos is not None:
            row[eos_id] = p_eos
        table[t, last] = np.log(np.maximum(row, 1e-300))

    plant(0, bos_id, a, 0.45, p_eos=0.35)
    plant(1, a, b, 0.7)
    plant(2, b, c, 0.7)
    plant(3, c, eos_id, 0.7)
    return {
        "table": table,
        "bos_id": bos_id,
        "eos_id": eos_id,
        "max_len": max_len,
        "beam_width": beam_width,
        "alpha": alpha,
    }


def chain_inputs(vocab, max_len, beam_width, alpha):
    return lambda rng: planted_chain(rng, vocab, max_len, beam_width, alpha)


def known_decoder(beam_width=None, alpha=None, max_len=4):
    """The notebook's kind of toy decoder, as a table (ids 0 pad, 1 bos, 2 eos, 3 "a", 4 "b"): greedy
    gives "a eos" (0.2), the best sequence is "b eos" (0.36), which beam search with width 2 finds."""

    def build(rng):
        probs = np.full((max_len, 5, 5), 1e-9)
        probs[:, :, 2] = 1.0  # after anything else: end
        probs[0, 1] = [1e-9, 1e-9, 0.1, 0.5, 0.4]
        probs[1, 3] = [1e-9, 1e-9, 0.4, 0.3, 0.3]
        probs[1, 4] = [1e-9, 1e-9, 0.9, 0.05, 0.05]
        probs = probs / probs.sum(axis=-1, keepdims=True)
        out = {"table": np.log(probs), "bos_id": 1, "eos_id": 2, "max_len": max_len}
        if beam_width is not None:
            out["beam_width"] = beam_width
        if alpha is not None:
            out["alpha"] = alpha
        return out

    return build


def probe_decode(ns, target, inputs):
    """Calls the decoder with a step function reading inputs["table"] (see markov_table)."""
    table = inputs["table"]

    def step(prefix):
        prefix = list(prefix)
        t = len(prefix) - 1
        if not prefix or t >= table.shape[0]:
            raise ValueError(
                f"step was called with a prefix of {len(prefix)} ids; expected BOS and at most max_len - 1 more"
            )
        return table[t, int(prefix[-1])].copy()

    args = {k: v for k, v in inputs.items() if k != "table"}
    return ns[target](step, **args)


CHECKS = [
    Check(
        "additive_scores.values",
        "additive_scores",
        "additive_scores(query (4, 5), keys (4, 6, 3), A = 7)",
        additive_inputs(4, 6, 5, 3, 7),
        hint="tanh(query @ W_q, broadcast over positions, + keys @ W_k) @ v: shape (B, S)",
    ),
    Check(
        "multiplicative_scores.values",
        "multiplicative_scores",
        "multiplicative_scores(query (4, 5), keys (4, 6, 3), W (5, 3))",
        multiplicative_inputs(4, 6, 5, 3),
        hint="(query @ W) dotted with each key of the same example: shape (B, S)",
    ),
    Check(
        "masked_softmax.values",
        "masked_softmax",
        "masked_softmax of (5, 7) scores, real lengths 7, 3, 1, 5 and 6",
        softmax_inputs((7, 3, 1, 5, 6), 7),
        hint="softmax over the last axis (source positions); padded positions (mask 0) get weight exactly 0",
    ),
    Check(
        "context_vector.values",
        "context_vector",
        "context_vector(weights (4, 6), values (4, 6, 3))",
        context_inputs(4, 6, 3),
        hint="sum over the source positions (axis 1) of weights[..., None] * values: shape (B, d_v)",
    ),
    Check(
        "attention_backward.values",
        "attention_backward",
        "attention_backward(d_context (4, 3), weights (4, 6), values (4, 6, 3)), real lengths 6, 2, 5, 4",
        backward_inputs((6, 2, 5, 4), 6, 3),
        probe=probe_backward,
        hint="g = d_context . values_j; d_scores = weights * (g - sum(weights * g)); d_values = weights[..., None] * d_context[:, None, :]",
    ),
    Check(
        "attention_backward.numeric",
        "attention_backward",
        "attention_backward against finite differences of your masked_softmax and context_vector",
        backward_inputs((5, 3, 1), 5, 2),
        probe=probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("attention_backward.values", "masked_softmax.values", "context_vector.values"),
        hint="the softmax's Jacobian: d_scores_j = weights_j * (g_j - sum_k weights_k g_k)",
    ),
    Check(
        "teacher_forcing.values",
        "teacher_forcing",
        "teacher_forcing of 4 targets (lengths 3, 5, 1, 4), BOS 1, EOS 2, PAD 0",
        targets_inputs((3, 5, 1, 4)),
        hint="inputs: BOS then the target; targets: the target then EOS; both padded with PAD to L + 1",
    ),
    Check(
        "build_seq2seq.structure",
        "build_seq2seq",
        "the model from build_seq2seq(11, 9, 4, 6)",
        seq2seq_inputs(11, 9, 4, 6),
        probe=build_and_describe,
        verdict=same_model,
        hint="the layers of the diagram, mask_zero=True on both Embeddings, Adam(0.01), SparseCategoricalCrossentropy()",
    ),
    Check(
        "greedy_decode.values",
        "greedy_decode",
        "greedy_decode on a random toy decoder (7 ids), max_len=6",
        decoder_inputs(7, 6),
        probe=probe_decode,
        hint="call step([bos_id] + tokens), take np.argmax, stop after eos_id or max_len ids; return (tokens, summed log-probability)",
    ),
    Check(
        "greedy_decode.known",
        "greedy_decode",
        "greedy_decode on the notebook's toy decoder (greedy gives a eos)",
        known_decoder(),
        probe=probe_decode,
        hint="greedy takes the most probable id at each step: here 'a' then eos",
    ),
    Check(
        "beam_search.values",
        "beam_search",
        "beam_search on a random toy decoder (7 ids), beam_width=3, max_len=5, alpha=0",
        decoder_inputs(7, 5, beam_width=3, alpha=0.0),
        probe=probe_decode,
        hint="expand every unfinished hypothesis by every id, keep the beam_width best, highest first",
    ),
    Check(
        "beam_search.known",
        "beam_search",
        "beam_search on the notebook's toy decoder, beam_width=2, max_len=4",
        known_decoder(beam_width=2),
        probe=probe_decode,
        hint="the best sequence here is b eos (0.36), which greedy misses: keep beam_width hypotheses, not one",
    ),
    Check(
        "beam_search.normalised",
        "beam_search",
        "beam_search (6 ids), beam_width=3, max_len=6, alpha=0.7, where normalisation picks a longer output",
        chain_inputs(6, 6, 3, 0.7),
        probe=probe_decode,
        hint="rank (and prune) by log_prob / len(tokens) ** alpha, eos counted; return the unnormalised log_prob",
    ),
]
