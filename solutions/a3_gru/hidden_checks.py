"""Hidden checks of assignment 3 (never released): isolation inputs, other sizes, edge cases, training."""

import numpy as np

from autograder.checks import (
    Check,
    fit_inputs,
    fit_losses,
    loss_falls,
    periodic_sequences,
    same_model,
    same_numpy_value,
    sibling,
    unchanged_check,
)

pub = sibling(__file__, "public_checks")

PASSAGE = (
    "Now is the winter of our discontent\nMade glorious summer by this sun of York;\n"
    "And all the clouds that lour'd upon our house\nIn the deep bosom of the ocean buried.\n"
)


def probe_loss_value(ns, target, inputs):
    """compile_char_lm on a fixed model with known weights; the loss Keras reports on a fixed batch."""
    from autograder.checks import char_lm, evaluated_loss

    model = char_lm(inputs["weights"])
    model = ns[target](model, inputs["learning_rate"])
    if model is None:  # the docstring says it returns the model
        return None
    return evaluated_loss(model, inputs["x"], inputs["y"])


def loss_inputs(rng):
    """A tiny model with peaked output distributions, and a batch of ids and targets."""
    d = pub.tiny_lm(rng, vocab="abcdefg", scale=3.0)
    return {
        "weights": d["weights"],
        "learning_rate": 0.01,
        "x": rng.integers(0, 7, size=(5, 6)),
        "y": rng.integers(0, 7, size=(5, 6)),
    }


def probe_low_temperature(ns, target, inputs):
    """A sample at a tiny temperature (0.001) must equal the greedy sample (temperature 0)."""
    from autograder.checks import char_lm

    model = char_lm(inputs["weights"])
    args = (model, dict(inputs["char_to_id"]), list(inputs["id_to_char"]), inputs["seed_text"], inputs["length"])
    return ns[target](*args, 0.001, inputs["seed"]) == ns[target](*args, 0.0, inputs["seed"])


def saturated_step(rng):
    """gru_step inputs whose candidate pre-activations reach |z| > 709 (input kernel times 900):
    tanh must give +-1 there, not nan; the gates saturate at 0 or 1 through the given sigmoid."""
    d = pub.step_inputs(4, 3, 5)(rng)
    d["kernel"] = d["kernel"] * 900.0
    d["bias"] = np.zeros_like(d["bias"])  # this check is about tanh's overflow only: no bias to get wrong
    return d


def unchanged(fn, inputs, what, values="values"):
    """A hidden check that ``fn`` leaves its input arrays unchanged; it counts only when ``fn.values`` passes."""
    hint = "do not modify the arguments in place (no `h_prev *= ...`, `x[...] = ...`, `out=`): compute and return new arrays"
    return unchanged_check(fn, inputs, what, after=values, hint=hint)


CHECKS = [
    Check(
        "gru_step.bias_only",
        "gru_step",
        "gru_step with h_prev = 0 and x = 0 (bias only), reset_after=True",
        pub.step_inputs(5, 2, 7, zero=("h_prev", "x")),
        hint="bias row 0 belongs to the input side, row 1 to the recurrent side; the recurrent candidate bias b_hh is multiplied by r",
    ),
    Check(
        "gru_step.bias_only_before",
        "gru_step",
        "gru_step with h_prev = 0 and x = 0 (bias only), reset_after=False",
        pub.step_inputs(5, 2, 7, reset_after=False, zero=("h_prev", "x")),
        hint="with reset_after=False the single bias (3 n_h,) is added to x @ kernel, in the order [z | r | h~]",
    ),
    Check(
        "gru_step.x_only",
        "gru_step",
        "gru_step with h_prev = 0 and zero bias (input only)",
        pub.step_inputs(4, 5, 2, zero=("h_prev", "bias")),
        hint="with a zero state h_t = (1 - z) * h~: the candidate enters with weight 1 - z",
    ),
    Check(
        "gru_step.h_only",
        "gru_step",
        "gru_step with x = 0 and zero bias (state only), reset_after=False",
        pub.step_inputs(3, 4, 5, reset_after=False, zero=("x", "bias")),
        hint="the candidate uses the RESET state r * h_prev before U_h (reset_after=False)",
    ),
    Check(
        "gru_step.keep_state",
        "gru_step",
        "gru_step with the update gate saturated at z = 1",
        pub.step_inputs(7, 3, 4, z_bias=40.0),
        hint="Keras's convention: z = 1 KEEPS the old state, h_t = z * h_prev + (1 - z) * h~",
    ),
    Check(
        "gru_step.candidate_only",
        "gru_step",
        "gru_step with the update gate saturated at z = 0, reset_after=False",
        pub.step_inputs(7, 3, 4, reset_after=False, z_bias=-40.0),
        hint="z = 0 replaces the state by the candidate h~; z is the FIRST block of the gates",
    ),
    Check(
        "gru_step.hidden",
        "gru_step",
        "gru_step with hidden sizes, reset_after=True",
        pub.step_inputs(2, 7, 5),
        verdict=same_numpy_value,
        hint="use the sizes of the arguments (n_h = h_prev.shape[1]); keep float64",
    ),
    Check(
        "gru_forward.hidden",
        "gru_forward",
        "gru_forward with hidden sizes, reset_after=False",
        pub.sequence_inputs(3, 8, 2, 5, reset_after=False),
        verdict=same_numpy_value,
        hint="states h_1 ... h_T (not h0) for every example, batch first: shape (m, T, n_h)",
    ),
    Check(
        "gru_forward.one_step",
        "gru_forward",
        "gru_forward on a sequence of one step",
        pub.sequence_inputs(4, 1, 3, 2),
        hint="with T = 1 the result is gru_step(h0, x_seq[:, 0], ...) with a time axis of length 1",
    ),
    Check(
        "gru_forward.keras_hidden_after",
        "gru_forward",
        "gru_forward with hidden sizes and h0 = 0, reset_after=True",
        pub.sequence_inputs(2, 9, 5, 6, h0_zero=True),
        probe=pub.probe_keras_parity,
        verdict=pub.matches_keras,
        hint="keras.layers.GRU's formulas (reset_after=True): r multiplies h_prev @ U_h + b_hh",
    ),
    Check(
        "gru_forward.keras_hidden_before",
        "gru_forward",
        "gru_forward with hidden sizes, reset_after=False",
        pub.sequence_inputs(5, 7, 3, 2, reset_after=False),
        probe=pub.probe_keras_parity,
        verdict=pub.matches_keras,
        hint="keras.layers.GRU's formulas (reset_after=False): r multiplies h_prev before U_h",
    ),
    Check(
        "build_char_vocab.hidden",
        "build_char_vocab",
        "build_char_vocab on four lines of Richard III",
        lambda rng: {"text": PASSAGE},
        probe=pub.probe_vocab,
        hint="every distinct character counts (newline, space, punctuation, capitals), in sorted order: '\\n' < ' ' < 'A' < 'a'",
    ),
    Check(
        "text_to_ids.empty",
        "text_to_ids",
        "text_to_ids of the empty string",
        lambda rng: {"text": "", "char_to_id": {"a": 0, "b": 1}},
        hint="np.array([...], dtype=np.int64): even an empty text gives an integer array of shape (0,)",
    ),
    Check(
        "text_to_ids.roundtrip",
        "text_to_ids",
        "text_to_ids on four lines of Richard III",
        lambda rng: {"text": PASSAGE, "char_to_id": {c: i for i, c in enumerate(sorted(set(PASSAGE)))}},
        hint="look every character up in char_to_id, newlines included",
    ),
    Check(
        "ids_to_text.hidden",
        "ids_to_text",
        "ids_to_text with hidden ids",
        lambda rng: {"ids": rng.integers(0, 6, size=17), "id_to_char": ["\n", " ", "a", "e", "t", "z"]},
        hint="the character of id i is id_to_char[i], for every id in order",
    ),
    Check(
        "make_lm_pairs.exact",
        "make_lm_pairs",
        "make_lm_pairs where len(ids) is a multiple of seq_len",
        lambda rng: {"ids": rng.integers(0, 50, size=24), "seq_len": 6},
        probe=pub.probe_pairs,
        hint="the targets need one id beyond the inputs: (len(ids) - 1) // seq_len windows, not len(ids) // seq_len",
    ),
    Check(
        "make_lm_pairs.hidden",
        "make_lm_pairs",
        "make_lm_pairs with hidden sizes",
        lambda rng: {"ids": rng.integers(0, 50, size=40), "seq_len": 7},
        probe=pub.probe_pairs,
        hint="non-overlapping windows: window i starts at i * seq_len",
    ),
    Check(
        "batch_pairs.hidden",
        "batch_pairs",
        "batch_pairs with hidden sizes and seed",
        lambda rng: {
            "inputs": rng.integers(0, 20, size=(14, 3)),
            "targets": rng.integers(0, 20, size=(14, 3)),
            "batch_size": 4,
            "seed": 11,
        },
        probe=pub.probe_batches,
        hint="the SAME permutation reorders inputs and targets; n // batch_size full batches",
    ),
    Check(
        "batch_pairs.exact",
        "batch_pairs",
        "batch_pairs when batch_size divides the number of pairs",
        lambda rng: {
            "inputs": rng.integers(0, 20, size=(12, 2)),
            "targets": rng.integers(0, 20, size=(12, 2)),
            "batch_size": 4,
            "seed": 2,
        },
        probe=pub.probe_batches,
        hint="every pair is used once when batch_size divides n; no empty batch at the end",
    ),
    Check(
        "build_char_lm.hidden",
        "build_char_lm",
        "the model from build_char_lm with hidden sizes",
        lambda rng: {
            "vocab_size": 17,
            "embed_dim": 5,
            "units": 7,
            "sample_input": rng.integers(0, 17, size=(3, 4)).astype(np.int32),
        },
        probe=pub.probe_model,
        verdict=same_model,
        hint="use the arguments vocab_size, embed_dim and units for every size",
    ),
    Check(
        "build_char_lm.training",
        "build_char_lm",
        "a short training run of your model on 8 periodic sequences",
        lambda rng: fit_inputs(
            periodic_sequences(embed_dim=6, units=16, epochs=25)(rng),
            build=["vocab_size", "embed_dim", "units"],
            x="inputs",
            y="targets",
            compile_lr=0.03,
        ),
        probe=fit_losses,
        verdict=loss_falls,
        reference=False,
        hint="the model must predict every next character: GRU(return_sequences=True) then Dense(vocab_size) over each step",
    ),
    Check(
        "compile_char_lm.loss_value",
        "compile_char_lm",
        "the loss Keras reports for a compiled model with known log-probabilities",
        loss_inputs,
        probe=probe_loss_value,
        hint="the outputs are log-probabilities: SparseCategoricalCrossentropy(from_logits=True) gives the mean of -log p(target)",
    ),
    Check(
        "sample_text.hidden",
        "sample_text",
        "sample_text with a hidden model, temperature 1.5",
        pub.sample_inputs("dab", 15, 1.5, 21, vocab="abcdef .", units=5),
        probe=pub.probe_sample,
        hint="divide the log-probabilities by the temperature (not multiply) before the softmax",
    ),
    Check(
        "sample_text.low_temperature",
        "sample_text",
        "a sample at temperature 0.001 compared with the greedy sample",
        pub.sample_inputs("a ", 15, 0.0, 3, vocab="abcdef .", units=5),
        probe=probe_low_temperature,
        hint="a temperature near 0 must sharpen the distribution towards the argmax: softmax(log_probs / temperature)",
    ),
    Check(
        "make_lm_pairs.last_target",
        "make_lm_pairs",
        "make_lm_pairs(21 ids, seq_len=5): the last id is exactly the last window's last target",
        lambda rng: {"ids": rng.integers(0, 30, size=21), "seq_len": 5},
        probe=pub.probe_pairs,
        hint="n = (len(ids) - 1) // seq_len: with 21 ids and seq_len 5 there are 4 windows, the last target being ids[20]",
    ),
    Check(
        "gru_step.saturated",
        "gru_step",
        "gru_step with candidate pre-activations beyond |z| = 709",
        saturated_step,
        verdict=same_numpy_value,
        hint="use np.tanh: a hand-written (e^z - e^-z) / (e^z + e^-z) is inf / inf = nan for |z| > 709",
    ),
    unchanged("gru_step", pub.step_inputs(4, 3, 5), "h_prev, x, kernel, recurrent_kernel, bias", values="reset_after"),
    unchanged("gru_forward", pub.sequence_inputs(3, 4, 2, 5), "x_seq, h0, kernel, recurrent_kernel, bias"),
    unchanged("make_lm_pairs", lambda rng: {"ids": rng.integers(1, 30, size=23), "seq_len": 5}, "ids (23,), seq_len=5"),
    unchanged(
        "batch_pairs",
        lambda rng: {
            "inputs": rng.integers(1, 20, size=(11, 4)),
            "targets": rng.integers(1, 20, size=(11, 4)),
            "batch_size": 3,
            "seed": 5,
        },
        "inputs, targets, batch_size=3, seed=5",
    ),
    unchanged(
        "ids_to_text",
        lambda rng: {"ids": rng.integers(0, 7, size=9), "id_to_char": [" ", "b", "e", "o", "r", "t", "x"]},
        "ids (9,), id_to_char",
    ),
]
