"""Hidden checks of assignment 4 (never released): other sizes, isolation inputs, edge cases, Keras parity, training."""

import numpy as np

from autograder.checks import (
    Check,
    fit_inputs,
    fit_losses,
    inputs_unchanged,
    loss_falls,
    same_model,
    same_numpy_value,
    sibling,
)

pub = sibling(__file__, "public_checks")


def tagging_task(rng):
    """16 sequences of 8 ids in 1..11; the tag of a step is 1 when the NEXT id is above 6 (the last step: 0)."""
    ids = rng.integers(1, 12, size=(16, 8)).astype(np.int32)
    tags = np.zeros_like(ids)
    tags[:, :-1] = (ids[:, 1:] > 6).astype(np.int32)
    return {"vocab_size": 12, "embed_dim": 8, "units": 8, "n_classes": 2, "epochs": 30, "ids": ids, "tags": tags}


def large_inputs(rng):
    """Inputs whose pre-activations reach |z| > 1000 (np.tanh gives +-1; exp(2z) overflows)."""
    d = pub.layer_inputs(4, 5, 3, 2)(rng)
    d["x_seq"] = d["x_seq"] * 1000.0
    return d


UNCHANGED = inputs_unchanged
NO_EDIT = "your function changed an array it was given (x_seq, h0 or a weight): work on new arrays (no +=, x[...] = or in-place reversal)"

CHECKS = [
    Check(
        "rnn_layer_forward.hidden",
        "rnn_layer_forward",
        "rnn_layer_forward with hidden sizes",
        pub.layer_inputs(7, 3, 2, 5),
        verdict=same_numpy_value,
        hint="do not hard-code sizes; transpose to time-major for scan and back",
    ),
    Check(
        "rnn_layer_forward.zero_recurrent",
        "rnn_layer_forward",
        "rnn_layer_forward with recurrent_kernel = 0 (steps independent)",
        pub.layer_inputs(4, 6, 3, 2, zero=("recurrent_kernel",)),
        verdict=same_numpy_value,
        hint="with U = 0 each step is tanh(x_t @ kernel + bias): the input of step t must be x_seq[:, t]",
    ),
    Check(
        "rnn_layer_forward.zero_input",
        "rnn_layer_forward",
        "rnn_layer_forward with x_seq = 0 (state and bias only)",
        pub.layer_inputs(5, 4, 3, 2, zero=("x_seq",)),
        verdict=same_numpy_value,
        hint="the first step must start from h0, and h @ recurrent_kernel (state as rows) carries it on",
    ),
    Check(
        "rnn_layer_forward.single_step",
        "rnn_layer_forward",
        "rnn_layer_forward on a single time step (T = 1)",
        pub.layer_inputs(3, 1, 4, 2),
        verdict=same_numpy_value,
        hint="with T = 1 the output is tanh(x_0 @ kernel + h0 @ recurrent_kernel + bias), shape (m, 1, n_h)",
    ),
    Check(
        "rnn_layer_forward.keras",
        "rnn_layer_forward",
        "rnn_layer_forward against keras SimpleRNN(return_sequences=True) with initial_state",
        pub.layer_inputs(5, 7, 3, 4),
        probe=pub.probe_keras_layer,
        verdict=pub.matches_keras,
        reference=False,
        hint="Keras computes tanh(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias) with batch-major (m, T, n) arrays",
    ),
    Check(
        "deep_rnn_forward.hidden",
        "deep_rnn_forward",
        "deep_rnn_forward with three layers of the same size",
        pub.deep_inputs(5, 6, 3, (4, 4, 4)),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="every layer starts from a zero state: do not pass on the previous layer's final state",
    ),
    Check(
        "deep_rnn_forward.single_layer",
        "deep_rnn_forward",
        "deep_rnn_forward with a single layer",
        pub.deep_inputs(4, 3, 5, (2,)),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="one layer is rnn_layer_forward from a zero state",
    ),
    Check(
        "deep_rnn_forward.keras_three_layers",
        "deep_rnn_forward",
        "deep_rnn_forward against three stacked keras SimpleRNN layers",
        pub.deep_inputs(3, 7, 2, (5, 4, 3)),
        probe=pub.probe_keras_deep,
        verdict=pub.matches_keras,
        reference=False,
        hint="each layer's input sequence is the previous layer's output sequence",
    ),
    Check(
        "reverse_sequence.hidden",
        "reverse_sequence",
        "reverse_sequence with hidden sizes (and its input left unchanged)",
        lambda rng: {"x_seq": rng.normal(size=(3, 7, 2))},
        probe=pub.probe_reverse,
        hint="reverse axis 1 of a copy; the input must not change",
    ),
    Check(
        "reverse_rnn_layer.hidden",
        "reverse_rnn_layer",
        "reverse_rnn_layer with hidden sizes",
        pub.layer_inputs(3, 6, 5, 2),
        verdict=same_numpy_value,
        hint="reverse in time, run forward, reverse back",
    ),
    Check(
        "reverse_rnn_layer.zero_recurrent",
        "reverse_rnn_layer",
        "reverse_rnn_layer with recurrent_kernel = 0 (steps independent)",
        pub.layer_inputs(4, 5, 3, 2, zero=("recurrent_kernel",)),
        verdict=same_numpy_value,
        hint="with U = 0, step t of the output depends on x_t only: the outputs must be reversed back into input order",
    ),
    Check(
        "reverse_rnn_layer.single_step",
        "reverse_rnn_layer",
        "reverse_rnn_layer on a single time step (T = 1)",
        pub.layer_inputs(5, 1, 3, 4),
        verdict=same_numpy_value,
        hint="with T = 1 the backward layer equals the forward layer",
    ),
    Check(
        "bidirectional_forward.hidden",
        "bidirectional_forward",
        "bidirectional_forward with hidden sizes, merge_mode left at its default",
        pub.bi_inputs(4, 7, 2, 5, None),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="do not hard-code sizes; the default merge_mode is 'concat'",
    ),
    Check(
        "bidirectional_forward.zero_backward",
        "bidirectional_forward",
        "bidirectional_forward with all backward weights 0, 'concat'",
        pub.bi_inputs(3, 4, 5, 2, zero_backward=True),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="with zero backward weights the LAST n_h features are 0 and the first n_h are the forward layer's outputs",
    ),
    Check(
        "bidirectional_forward.keras_sum",
        "bidirectional_forward",
        "bidirectional_forward against keras Bidirectional(SimpleRNN(4, return_sequences=True), merge_mode='sum')",
        pub.bi_inputs(5, 6, 3, 4, "sum"),
        probe=pub.probe_keras_bidirectional,
        verdict=pub.matches_keras,
        reference=False,
        hint="'sum' adds the forward outputs and the backward outputs re-aligned in time",
    ),
    Check(
        "deep_birnn_forward.sum",
        "deep_birnn_forward",
        "deep_birnn_forward with three bidirectional layers, 'sum'",
        pub.deep_bi_inputs(4, 6, 3, (5, 5, 2), "sum"),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="pass merge_mode on to every layer",
    ),
    Check(
        "deep_birnn_forward.keras",
        "deep_birnn_forward",
        "deep_birnn_forward against two stacked keras Bidirectional(SimpleRNN) layers, 'concat'",
        pub.deep_bi_inputs(3, 7, 5, (4, 2)),
        probe=pub.probe_keras_bidirectional,
        verdict=pub.matches_keras,
        reference=False,
        hint="the second layer reads the first layer's concatenated (m, T, 2 * n_h) outputs",
    ),
    Check(
        "count_birnn_params.hidden",
        "count_birnn_params",
        "count_birnn_params for hidden sizes",
        lambda rng: {"args": [[1, 1], [7, 2], [100, 128]]},
        probe=pub.probe_counts,
        hint="2 * (n_x * units + units * units + units)",
    ),
    Check(
        "count_tagger_params.hidden",
        "count_tagger_params",
        "count_tagger_params for hidden sizes",
        lambda rng: {"args": [[10, 3, 7, 5], [100, 32, 64, 9]]},
        probe=pub.probe_counts,
        hint="the Dense layer reads 2 * units features per step",
    ),
    Check(
        "build_stacked_birnn.hidden",
        "build_stacked_birnn",
        "the model from build_stacked_birnn with hidden sizes",
        lambda rng: {
            "vocab_size": 41,
            "embed_dim": 5,
            "units": 9,
            "n_classes": 4,
            "sample_input": rng.integers(0, 41, size=(3, 6)).astype(np.int32),
        },
        probe=pub.probe_model,
        verdict=same_model,
        hint="use the arguments for every size",
    ),
    Check(
        "build_stacked_birnn.training",
        "build_stacked_birnn",
        "a short training run of your tagger on 16 sequences of 8 steps",
        lambda rng: fit_inputs(
            tagging_task(rng), build=["vocab_size", "embed_dim", "units", "n_classes"], x="ids", y="tags"
        ),
        probe=fit_losses,
        verdict=loss_falls,
        reference=False,
        requires=("build_stacked_birnn.structure",),
        hint="the model must output (batch, T, n_classes) probabilities and be compiled with "
        "SparseCategoricalCrossentropy() so that fit() lowers the loss",
    ),
    Check(
        "rnn_layer_forward.large_preactivation",
        "rnn_layer_forward",
        "rnn_layer_forward with pre-activations beyond |z| = 1000",
        large_inputs,
        verdict=same_numpy_value,
        hint="use np.tanh: a tanh written with np.exp overflows (inf / inf = nan) for |z| > 709",
    ),
    Check(
        "rnn_layer_forward.batch_of_one",
        "rnn_layer_forward",
        "rnn_layer_forward on a batch of one sequence (m = 1)",
        pub.layer_inputs(1, 4, 3, 2),
        verdict=same_numpy_value,
        hint="keep the batch axis when m = 1 (no squeeze): shape (1, T, n_h)",
    ),
    Check(
        "rnn_layer_forward.unchanged",
        "rnn_layer_forward",
        "x_seq, h0 and the weights after rnn_layer_forward",
        pub.layer_inputs(4, 5, 3, 2),
        probe=UNCHANGED,
        requires=("rnn_layer_forward.values",),
        hint=NO_EDIT,
    ),
    Check(
        "deep_rnn_forward.unchanged",
        "deep_rnn_forward",
        "x_seq and every layer's weights after deep_rnn_forward",
        pub.deep_inputs(4, 5, 3, (2, 3)),
        probe=UNCHANGED,
        requires=("deep_rnn_forward.values",),
        hint=NO_EDIT,
    ),
    Check(
        "reverse_rnn_layer.unchanged",
        "reverse_rnn_layer",
        "x_seq, h0 and the weights after reverse_rnn_layer",
        pub.layer_inputs(4, 5, 3, 2),
        probe=UNCHANGED,
        requires=("reverse_rnn_layer.values",),
        hint=NO_EDIT,
    ),
    Check(
        "bidirectional_forward.unchanged",
        "bidirectional_forward",
        "x_seq and both directions' weights after bidirectional_forward",
        pub.bi_inputs(4, 5, 3, 2),
        probe=UNCHANGED,
        requires=("bidirectional_forward.concat",),
        hint=NO_EDIT,
    ),
    Check(
        "deep_birnn_forward.default_merge",
        "deep_birnn_forward",
        "deep_birnn_forward with two layers, merge_mode left at its default",
        pub.deep_bi_inputs(3, 4, 5, (3, 2), None),
        probe=pub.probe_numpy,
        verdict=same_numpy_value,
        hint="the default merge_mode is 'concat': the second layer then reads 2 * n_h features",
    ),
    Check(
        "deep_birnn_forward.unchanged",
        "deep_birnn_forward",
        "x_seq and every layer's weights after deep_birnn_forward",
        pub.deep_bi_inputs(4, 5, 3, (2, 3)),
        probe=UNCHANGED,
        requires=("deep_birnn_forward.values",),
        hint=NO_EDIT,
    ),
]
