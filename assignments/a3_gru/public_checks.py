"""Public checks of assignment 3 (released: students run them with `autograder check`).

Sizes are all distinct (batch 6, time 5, input 4, hidden 3) so that a transposed or swapped axis
changes a shape or the values. GRU weights are float32 numbers stored as float64, so that a real
``keras.layers.GRU`` (float32) and the student's numpy code (float64) use the very same weights.
"""

import numpy as np

from autograder.checks import (
    Check,
    Outcome,
    compare_values,
    describe,
    float32_exact,
    runs_through,
    same_model,
    same_numpy_value,
    scan_calls,
)

M, T, N_X, N_H = 6, 5, 4, 3


f32 = float32_exact  # weights as float32 numbers, stored as float64


def gru_weights(rng, n_x, n_h, reset_after, scale=0.7):
    """Keras-layout GRU weights: kernel (n_x, 3 n_h), recurrent_kernel (n_h, 3 n_h), bias (3 n_h,) or (2, 3 n_h)."""
    return {
        "kernel": f32(rng.normal(size=(n_x, 3 * n_h)) * scale),
        "recurrent_kernel": f32(rng.normal(size=(n_h, 3 * n_h)) * scale),
        "bias": f32(rng.normal(size=(2, 3 * n_h) if reset_after else (3 * n_h,)) * 0.5),
    }


def step_inputs(m=M, n_x=N_X, n_h=N_H, reset_after=True, *, zero=(), z_bias=None):
    """Inputs of gru_step; names in ``zero`` are set to zeros (isolation cases); ``z_bias`` fixes the
    update gate's input bias (a large value saturates z) and zeroes its recurrent bias."""

    def build(rng):
        d = {
            "h_prev": f32(rng.normal(size=(m, n_h)) * 0.8),
            "x": f32(rng.normal(size=(m, n_x))),
            **gru_weights(rng, n_x, n_h, reset_after),
            "reset_after": reset_after,
        }
        for k in zero:
            d[k] = np.zeros_like(d[k])
        if z_bias is not None:
            b = d["bias"]
            if b.ndim == 2:
                b[0, :n_h], b[1, :n_h] = z_bias, 0.0
            else:
                b[:n_h] = z_bias
        return d

    return build


def sequence_inputs(m=M, t=T, n_x=N_X, n_h=N_H, reset_after=True, *, h0_zero=False):
    """Inputs of gru_forward: x_seq (m, t, n_x), h0 (m, n_h) and Keras-layout weights."""

    def build(rng):
        h0 = np.zeros((m, n_h)) if h0_zero else f32(rng.normal(size=(m, n_h)) * 0.5)
        return {
            "x_seq": f32(rng.normal(size=(m, t, n_x))),
            "h0": h0,
            **gru_weights(rng, n_x, n_h, reset_after),
            "reset_after": reset_after,
        }

    return build


def probe_keras_parity(ns, target, inputs):
    """gru_forward's states, and those of a real keras.layers.GRU with the same weights (float32)."""
    import keras
    import numpy as np

    from autograder.checks import copy_inputs

    out = ns[target](**copy_inputs(inputs))
    n_h = inputs["recurrent_kernel"].shape[0]
    layer = keras.layers.GRU(n_h, return_sequences=True, reset_after=inputs["reset_after"])
    layer.build((None, None, inputs["x_seq"].shape[2]))
    layer.set_weights([inputs[k].astype(np.float32) for k in ("kernel", "recurrent_kernel", "bias")])
    states = layer(inputs["x_seq"].astype(np.float32), initial_state=[inputs["h0"].astype(np.float32)])
    return {"output": out, "keras": np.asarray(states, dtype=np.float64)}


def matches_keras(received, expected, ctx):
    """Verdict: the student's states equal keras.layers.GRU's (computed in the grader) within rtol/atol."""
    if not isinstance(received, dict) or "output" not in received:
        return Outcome(False, "type", f"{ctx.what}: the states could not be collected ({describe(received)})")
    return compare_values(
        f"{ctx.what}, compared with keras.layers.GRU", received["output"], expected["keras"], tol=ctx.tol
    )


def probe_vocab(ns, target, inputs):
    """build_char_vocab(text) as plain data: the mapping and the list of characters by id."""
    char_to_id, id_to_char = ns[target](inputs["text"])
    return {
        "char_to_id": {str(k): int(v) for k, v in char_to_id.items()},
        "id_to_char": [str(id_to_char[i]) for i in range(len(id_to_char))],
    }


def probe_pairs(ns, target, inputs):
    """make_lm_pairs(ids, seq_len) as a dict of its two arrays."""
    import numpy as np

    x, y = ns[target](inputs["ids"].copy(), inputs["seq_len"])
    return {"inputs": np.asarray(x), "targets": np.asarray(y)}


def probe_batches(ns, target, inputs):
    """batch_pairs(...) as a list of {"x", "y"} batches."""
    import numpy as np

    out = ns[target](inputs["inputs"].copy(), inputs["targets"].copy(), inputs["batch_size"], inputs["seed"])
    return [{"x": np.asarray(x), "y": np.asarray(y)} for x, y in out]


def probe_model(ns, target, inputs):
    """Builds the student's language model and describes its layers (and, given ``sample_input``,
    its outputs on it with fixed weights; see autograder.checks.describe_model)."""
    from autograder.checks import build_and_describe

    return build_and_describe(ns, target, inputs)


def probe_model_output(ns, target, inputs):
    """The model's output shape on a (6, 5) batch of ids, and the sum of exp(output) over the vocabulary."""
    import numpy as np

    model = ns[target](inputs["vocab_size"], inputs["embed_dim"], inputs["units"])
    out = np.asarray(model.predict_on_batch(inputs["ids"].astype(np.int32)), dtype=np.float64)
    return {"shape": list(out.shape), "exp_sum": np.exp(out).sum(axis=-1)}


def probe_compile(ns, target, inputs):
    """compile_char_lm on a fixed model (built here, not by build_char_lm); describes the result."""
    import keras

    from autograder.checks import describe_model

    v = inputs["vocab_size"]
    model = keras.Sequential(
        [
            keras.layers.Input(shape=(None,), dtype="int32"),
            keras.layers.Embedding(v, 4),
            keras.layers.GRU(5, return_sequences=True),
            keras.layers.Dense(v, activation="log_softmax"),
        ]
    )
    return describe_model(
        ns[target](model, inputs["learning_rate"])
    )  # returning None fails: the docstring says it returns the model


def tiny_lm(rng, vocab="\n abdeht", embed=3, units=4, scale=1.5):
    """Weights of a tiny Embedding -> GRU -> Dense(log_softmax) model over ``vocab``, and its vocabulary."""
    v = len(vocab)
    weights = [
        f32(rng.normal(size=(v, embed))),
        f32(rng.normal(size=(embed, 3 * units)) * 0.8),
        f32(rng.normal(size=(units, 3 * units)) * 0.8),
        f32(rng.normal(size=(2, 3 * units)) * 0.3),
        f32(rng.normal(size=(units, v)) * scale),
        f32(rng.normal(size=v) * 0.5),
    ]
    return {"weights": weights, "char_to_id": {c: i for i, c in enumerate(vocab)}, "id_to_char": list(vocab)}


def sample_inputs(seed_text="the", length=12, temperature=0.0, seed=4, **lm):
    """Inputs of sample_text with a tiny seeded model."""

    def build(rng):
        return {
            **tiny_lm(rng, **lm),
            "seed_text": seed_text,
            "length": length,
            "temperature": temperature,
            "seed": seed,
        }

    return build


def probe_sample(ns, target, inputs):
    """sample_text on a tiny model built here with the given weights."""
    from autograder.checks import char_lm

    model = char_lm(inputs["weights"])
    return ns[target](
        model,
        dict(inputs["char_to_id"]),
        list(inputs["id_to_char"]),
        inputs["seed_text"],
        inputs["length"],
        inputs["temperature"],
        inputs["seed"],
    )


def probe_sample_properties(ns, target, inputs):
    """Properties of sample_text: length, vocabulary, reproducibility, greedy at temperature 0, seeds and temperatures matter."""
    from autograder.checks import char_lm

    model = char_lm(inputs["weights"])
    n = inputs["length"]

    def sample(temperature, seed):
        out = ns[target](
            model, dict(inputs["char_to_id"]), list(inputs["id_to_char"]), inputs["seed_text"], n, temperature, seed
        )
        return out if isinstance(out, str) else repr(out)

    raw = ns[target](model, dict(inputs["char_to_id"]), list(inputs["id_to_char"]), inputs["seed_text"], n, 1.0, 1)
    a = raw if isinstance(raw, str) else repr(raw)
    b, c = sample(1.0, 1), sample(1.0, 2)
    return {
        "is_a_string_of_length": isinstance(raw, str) and len(raw) == n,
        "characters_in_vocabulary": set(a) <= set(inputs["id_to_char"]),
        "same_seed_same_text": a == b,
        "different_seeds_differ": a != c,
        "temperature_0_ignores_seed": sample(0.0, 1) == sample(0.0, 2),
        "temperature_changes_text": sample(0.3, 5) != sample(3.0, 5),
    }


CHECKS = [
    Check(
        "gru_step.reset_after",
        "gru_step",
        "gru_step(h_prev (6, 3), x (6, 4), kernel (4, 9), recurrent_kernel (3, 9), bias (2, 9), reset_after=True)",
        step_inputs(),
        verdict=same_numpy_value,
        hint="gate blocks in Keras order [z | r | h~]; bias row 0 is added to x @ kernel, row 1 to h_prev @ "
        "recurrent_kernel; h~ = tanh(x W_h + b_xh + r * (h U_h + b_hh))",
    ),
    Check(
        "gru_step.reset_before",
        "gru_step",
        "gru_step(h_prev (6, 3), x (6, 4), kernel (4, 9), recurrent_kernel (3, 9), bias (9,), reset_after=False)",
        step_inputs(reset_after=False),
        verdict=same_numpy_value,
        hint="with reset_after=False the reset gate multiplies the state BEFORE the matrix: h~ = tanh(x W_h + (r * h_prev) U_h + b_h)",
    ),
    Check(
        "gru_forward.values",
        "gru_forward",
        "gru_forward on x_seq (6, 5, 4), h0 (6, 3), reset_after=True",
        sequence_inputs(),
        verdict=same_numpy_value,
        hint="scan over the TIME axis (axis 1 of x_seq), then put the batch first again: states of shape (m, T, n_h)",
    ),
    Check(
        "gru_forward.uses_scan",
        "gru_forward",
        "gru_forward on x_seq (6, 5, 4) runs through scan",
        sequence_inputs(),
        probe=scan_calls,
        verdict=runs_through("scan"),
        requires=("gru_forward.values",),
        hint="hs = scan(lambda h, x: gru_step(h, x, ...), np.swapaxes(x_seq, 0, 1), h0): one call of scan over the T steps, no Python loop over time",
    ),
    Check(
        "gru_forward.keras_reset_after",
        "gru_forward",
        "gru_forward on x_seq (6, 5, 4), h0 (6, 3), reset_after=True",
        sequence_inputs(),
        probe=probe_keras_parity,
        verdict=matches_keras,
        hint="keras.layers.GRU(reset_after=True): z = sigmoid(x W_z + b_xz + h U_z + b_hz) and h_t = z * h_prev + (1 - z) * h~",
    ),
    Check(
        "gru_forward.keras_reset_before",
        "gru_forward",
        "gru_forward on x_seq (6, 5, 4), h0 (6, 3), reset_after=False",
        sequence_inputs(reset_after=False),
        probe=probe_keras_parity,
        verdict=matches_keras,
        hint="keras.layers.GRU(reset_after=False) has one bias (3 n_h,) and uses (r * h_prev) @ U_h in the candidate",
    ),
    Check(
        "build_char_vocab.values",
        "build_char_vocab",
        "build_char_vocab('To be, or not to be: that is the question.')",
        lambda rng: {"text": "To be, or not to be: that is the question."},
        probe=probe_vocab,
        hint="sorted(set(text)): ids 0, 1, 2, ... in sorted character order; id_to_char[i] is the character with id i",
    ),
    Check(
        "text_to_ids.values",
        "text_to_ids",
        "text_to_ids('to be or', a 7-character vocabulary)",
        lambda rng: {"text": "to be or", "char_to_id": {" ": 0, "b": 1, "e": 2, "o": 3, "r": 4, "t": 5, "x": 6}},
        hint="one id per character, in order, as an np.int64 array of shape (len(text),)",
    ),
    Check(
        "ids_to_text.values",
        "ids_to_text",
        "ids_to_text(8 ids, a 7-character vocabulary)",
        lambda rng: {"ids": np.array([5, 3, 0, 1, 2, 0, 3, 4]), "id_to_char": [" ", "b", "e", "o", "r", "t", "x"]},
        hint="''.join(id_to_char[i] for i in ids)",
    ),
    Check(
        "make_lm_pairs.values",
        "make_lm_pairs",
        "make_lm_pairs(23 ids, seq_len=5)",
        lambda rng: {"ids": rng.integers(0, 30, size=23), "seq_len": 5},
        probe=probe_pairs,
        hint="(len(ids) - 1) // seq_len windows; window i: inputs ids[i*L:(i+1)*L], targets the same window shifted by ONE",
    ),
    Check(
        "batch_pairs.values",
        "batch_pairs",
        "batch_pairs(11 pairs of length 4, batch_size=3, seed=5)",
        lambda rng: {
            "inputs": rng.integers(0, 20, size=(11, 4)),
            "targets": rng.integers(0, 20, size=(11, 4)),
            "batch_size": 3,
            "seed": 5,
        },
        probe=probe_batches,
        hint="order = np.random.default_rng(seed).permutation(n); batch k takes order[k*B:(k+1)*B]; only full batches (the remainder is dropped)",
    ),
    Check(
        "build_char_lm.structure",
        "build_char_lm",
        "the model from build_char_lm(29, 8, 12)",
        lambda rng: {"vocab_size": 29, "embed_dim": 8, "units": 12},
        probe=probe_model,
        verdict=same_model,
        hint="Sequential: keras.Input((None,), dtype='int32'), Embedding(vocab_size, embed_dim), GRU(units, "
        "return_sequences=True), Dense(vocab_size, activation='log_softmax')",
    ),
    Check(
        "build_char_lm.log_probs",
        "build_char_lm",
        "the output of build_char_lm(29, 8, 12) on ids of shape (6, 5)",
        lambda rng: {"vocab_size": 29, "embed_dim": 8, "units": 12, "ids": rng.integers(0, 29, size=(6, 5))},
        probe=probe_model_output,
        hint="one row of log-probabilities per time step, shape (batch, T, vocab_size): return_sequences=True and a "
        "log_softmax output, so exp(output) sums to 1",
    ),
    Check(
        "compile_char_lm.settings",
        "compile_char_lm",
        "compile_char_lm(a fixed model, learning_rate=0.003)",
        lambda rng: {"vocab_size": 11, "learning_rate": 0.003},
        probe=probe_compile,
        verdict=same_model,
        hint="Adam with the given learning_rate, and SparseCategoricalCrossentropy(from_logits=True): log-probabilities are valid logits",
    ),
    Check(
        "sample_text.greedy",
        "sample_text",
        "sample_text(a tiny model, seed_text='the', length=12, temperature=0)",
        sample_inputs(temperature=0.0),
        probe=probe_sample,
        hint="temperature 0 means greedy: append np.argmax of the next log-probabilities, no randomness",
    ),
    Check(
        "sample_text.seeded",
        "sample_text",
        "sample_text(a tiny model, seed_text='the', length=12, temperature=0.8, seed=4)",
        sample_inputs(temperature=0.8),
        probe=probe_sample,
        hint="one rng = np.random.default_rng(seed); p = softmax(log_probs / temperature) in float64; next id = "
        "rng.choice(vocab_size, p=p); return only the new characters",
    ),
    Check(
        "sample_text.properties",
        "sample_text",
        "samples of 20 characters from a tiny model",
        sample_inputs(length=20),
        probe=probe_sample_properties,
        hint="return a string of `length` new characters; sample (do not take the argmax) when temperature > 0, with "
        "default_rng(seed) so the same seed gives the same text",
    ),
]
