"""Hidden checks of assignment 7 (never released): isolation inputs, other sizes, edge cases,
Keras parity, gradients, inputs unchanged, training."""

import numpy as np

from autograder.checks import (
    Check,
    fit_inputs,
    fit_losses,
    gradients_agree,
    inputs_unchanged,
    loss_falls,
    periodic_sequences,
    same_model,
    same_numpy_value,
    sibling,
)

pub = sibling(__file__, "public_checks")

UNCHANGED = inputs_unchanged
NO_EDIT = "your function changed an array it was given: work on new arrays (no +=, x[...] = on an argument)"


def probe_loss_value(ns, target, inputs):
    """The loss Keras reports for the student's compiled model with fixed weights on a fixed batch."""
    import numpy as np

    from autograder.checks import evaluated_loss

    model = ns[target](inputs["vocab_size"], inputs["embed_dim"], inputs["units"], inputs["learning_rate"])
    model.set_weights([np.asarray(w, dtype=np.float32) for w in inputs["weights"]])
    return evaluated_loss(model, inputs["x"], inputs["y"])


def loss_inputs(rng):
    """Weights of a tiny Embedding -> LSTM -> Dense model with peaked outputs, and a batch."""
    v, e, u = 7, 3, 4
    weights = [
        pub.f32(rng.normal(size=(v, e))),
        pub.f32(rng.normal(size=(e, 4 * u)) * 0.8),
        pub.f32(rng.normal(size=(u, 4 * u)) * 0.8),
        pub.f32(rng.normal(size=4 * u) * 0.3),
        pub.f32(rng.normal(size=(u, v)) * 3.0),
        pub.f32(rng.normal(size=v) * 0.5),
    ]
    return {
        "vocab_size": v,
        "embed_dim": e,
        "units": u,
        "learning_rate": 0.01,
        "weights": weights,
        "x": rng.integers(0, v, size=(5, 6)),
        "y": rng.integers(0, v, size=(5, 6)),
    }


def long_sequence(rng):
    """lstm_forward inputs over 12 steps (a longer sequence than the public check's)."""
    return pub.sequence_inputs(2, 12, 3, 4)(rng)


CHECKS = [
    Check(
        "lstm_bias_init.no_forget_bias",
        "lstm_bias_init",
        "lstm_bias_init(4, unit_forget_bias=False)",
        lambda rng: {"units": 4, "unit_forget_bias": False},
        verdict=same_numpy_value,
        hint="without unit_forget_bias the whole bias starts at zero, shape (4 * units,)",
    ),
    Check(
        "lstm_bias_init.keras_hidden",
        "lstm_bias_init",
        "lstm_bias_init(7, unit_forget_bias=True)",
        lambda rng: {"units": 7, "unit_forget_bias": True},
        probe=pub.probe_bias_keras,
        verdict=pub.matches_keras,
        hint="the forget gate is the SECOND block [i | f | g | o]",
    ),
    Check(
        "lstm_step.bias_only",
        "lstm_step",
        "lstm_step with h_prev = 0, c_prev = 0 and x = 0 (bias only)",
        pub.step_inputs(4, 5, 3, zero=("h_prev", "c_prev", "x")),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="with zero inputs c = sigmoid(b_i) * tanh(b_g) and h = sigmoid(b_o) * tanh(c): check the block order and which block gets tanh",
    ),
    Check(
        "lstm_step.forget_only",
        "lstm_step",
        "lstm_step with the input gate closed (i = 0) and the forget gate open (f = 1)",
        pub.step_inputs(3, 4, 5, block_bias=(0, -40.0)),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="with i = 0 the cell state is f * c_prev: the forget gate (block 1) multiplies the OLD cell state",
    ),
    Check(
        "lstm_step.keep_cell",
        "lstm_step",
        "lstm_step with the input gate open (i = 1) and the output gate saturated (o = 1)",
        pub.step_inputs(6, 2, 3, block_bias=(3, 40.0)),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="with o = 1, h = tanh(c): the hidden state is the tanh of the NEW cell state, not the cell state itself",
    ),
    Check(
        "lstm_step.state_only",
        "lstm_step",
        "lstm_step with x = 0 and zero bias (state only)",
        pub.step_inputs(4, 3, 6, zero=("x", "bias")),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="h_prev @ recurrent_kernel: recurrent_kernel has shape (n_h, 4 n_h), used as it is",
    ),
    Check(
        "lstm_step.hidden",
        "lstm_step",
        "lstm_step with hidden sizes",
        pub.step_inputs(2, 7, 5),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="use the sizes of the arguments (n_h = h_prev.shape[1]); keep float64",
    ),
    Check(
        "lstm_step.unchanged",
        "lstm_step",
        "h_prev, c_prev, x and the weights after lstm_step",
        pub.step_inputs(3, 4, 2),
        probe=UNCHANGED,
        requires=("lstm_step.values",),
        hint=NO_EDIT,
    ),
    Check(
        "lstm_forward.hidden",
        "lstm_forward",
        "lstm_forward with hidden sizes",
        pub.sequence_inputs(3, 7, 2, 5),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="states h_1 ... h_T and c_1 ... c_T (not h0, c0) for every example, batch first",
    ),
    Check(
        "lstm_forward.one_step",
        "lstm_forward",
        "lstm_forward on a sequence of one step",
        pub.sequence_inputs(4, 1, 3, 2),
        probe=pub.probe_pair,
        verdict=same_numpy_value,
        hint="with T = 1 the result is lstm_step(h0, c0, x_seq[:, 0], ...) with a time axis of length 1",
    ),
    Check(
        "lstm_forward.keras_hidden",
        "lstm_forward",
        "lstm_forward with hidden sizes and zero initial states",
        pub.sequence_inputs(2, 9, 5, 6, zero_state=True),
        probe=pub.probe_keras_parity,
        verdict=pub.matches_keras,
        hint="keras.layers.LSTM's formulas: c_t = f * c_{t-1} + i * tanh(z_g), h_t = o * tanh(c_t)",
    ),
    Check(
        "lstm_forward.unchanged",
        "lstm_forward",
        "x_seq, h0, c0 and the weights after lstm_forward",
        pub.sequence_inputs(3, 4, 2, 3),
        probe=UNCHANGED,
        requires=("lstm_forward.values",),
        hint=NO_EDIT,
    ),
    Check(
        "lstm_step_backward.hidden",
        "lstm_step_backward",
        "lstm_step_backward with hidden sizes",
        pub.step_backward_inputs(2, 6, 4),
        probe=pub.probe_grads,
        verdict=same_numpy_value,
        hint="dh_prev = dz @ recurrent_kernel.T, dx = dz @ kernel.T, dkernel = x.T @ dz, dbias = dz summed over the batch",
    ),
    Check(
        "lstm_step_backward.dh_only",
        "lstm_step_backward",
        "lstm_step_backward with dc = 0 (gradient through h only)",
        pub.step_backward_inputs(4, 3, 5, dc_zero=True),
        probe=pub.probe_grads,
        verdict=same_numpy_value,
        hint="even with dc = 0 the cell state gets dh * o * (1 - tanh(c)**2) through h_t = o * tanh(c_t)",
    ),
    Check(
        "lstm_step_backward.numeric_hidden",
        "lstm_step_backward",
        "lstm_step_backward against finite differences, hidden sizes",
        pub.step_backward_inputs(2, 3, 3),
        probe=pub.probe_step_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("lstm_step.values",),
        hint="the slopes of YOUR lstm_step: every block's activation derivative, in the order [i | f | g | o]",
    ),
    Check(
        "lstm_step_backward.unchanged",
        "lstm_step_backward",
        "dh, dc, the step's inputs and the weights after lstm_step_backward",
        pub.step_backward_inputs(3, 2, 2),
        probe=UNCHANGED,
        requires=("lstm_step_backward.values",),
        hint=NO_EDIT,
    ),
    Check(
        "lstm_backward.hidden",
        "lstm_backward",
        "lstm_backward with hidden sizes",
        pub.backward_inputs(3, 6, 2, 4),
        probe=pub.probe_grads,
        verdict=same_numpy_value,
        hint="the gradient into c_t from step t+1 (dc_prev) must be carried back, not reset to zero",
    ),
    Check(
        "lstm_backward.last_only",
        "lstm_backward",
        "lstm_backward with a gradient at the last step only",
        pub.backward_inputs(4, 5, 3, 2, last_only=True),
        probe=pub.probe_grads,
        verdict=same_numpy_value,
        hint="earlier steps get gradients only through the carried dh and dc",
    ),
    Check(
        "lstm_backward.tape_long",
        "lstm_backward",
        "lstm_backward on a longer sequence (T = 12)",
        pub.backward_inputs(2, 12, 3, 4),
        probe=pub.probe_tape,
        verdict=pub.matches_tape,
        hint="tf.GradientTape's gradients of sum(dhs * hs) through keras.layers.LSTM; sum the weight gradients over ALL steps",
    ),
    Check(
        "lstm_backward.numeric_hidden",
        "lstm_backward",
        "lstm_backward against finite differences, hidden sizes",
        pub.backward_inputs(3, 4, 2, 2, last_only=True),
        probe=pub.probe_backward_numeric,
        verdict=gradients_agree,
        reference=False,
        requires=("lstm_forward.values",),
        hint="the slopes of sum(dhs * hs) computed with YOUR lstm_forward",
    ),
    Check(
        "lstm_backward.unchanged",
        "lstm_backward",
        "dhs, x_seq, h0, c0 and the weights after lstm_backward",
        pub.backward_inputs(2, 3, 2, 2),
        probe=UNCHANGED,
        requires=("lstm_backward.values",),
        hint=NO_EDIT,
    ),
    Check(
        "last_step_input_grad_norms.hidden",
        "last_step_input_grad_norms",
        "last_step_input_grad_norms on a longer sequence (T = 12)",
        long_sequence,
        verdict=same_numpy_value,
        hint="the loss of the LAST step only (not the sum over steps): dhs[:, -1] = 1, zeros elsewhere",
    ),
    Check(
        "last_step_input_grad_norms.one_example",
        "last_step_input_grad_norms",
        "last_step_input_grad_norms on a batch of one",
        pub.sequence_inputs(1, 6, 5, 3),
        verdict=same_numpy_value,
        hint="one norm per time step, over the batch AND the features: shape (T,)",
    ),
    Check(
        "last_step_input_grad_norms.unchanged",
        "last_step_input_grad_norms",
        "x_seq, h0, c0 and the weights after last_step_input_grad_norms",
        pub.sequence_inputs(2, 3, 2, 2),
        probe=UNCHANGED,
        requires=("last_step_input_grad_norms.values",),
        hint=NO_EDIT,
    ),
    Check(
        "build_lstm_lm.hidden",
        "build_lstm_lm",
        "the model from build_lstm_lm with hidden sizes",
        lambda rng: {
            "vocab_size": 17,
            "embed_dim": 5,
            "units": 7,
            "learning_rate": 0.02,
            "sample_input": rng.integers(0, 17, size=(3, 4)).astype(np.int32),
        },
        probe=pub.probe_model,
        verdict=same_model,
        hint="use the arguments vocab_size, embed_dim, units and learning_rate for every setting",
    ),
    Check(
        "build_lstm_lm.loss_value",
        "build_lstm_lm",
        "the loss Keras reports for your compiled model with known weights",
        loss_inputs,
        probe=probe_loss_value,
        hint="the outputs are log-probabilities: SparseCategoricalCrossentropy(from_logits=True) gives the mean of -log p(target)",
    ),
    Check(
        "build_lstm_lm.training",
        "build_lstm_lm",
        "a short training run of your model on 8 periodic sequences",
        lambda rng: fit_inputs(
            periodic_sequences(embed_dim=6, units=16, learning_rate=0.03, epochs=25)(rng),
            build=["vocab_size", "embed_dim", "units", "learning_rate"],
            x="inputs",
            y="targets",
        ),
        probe=fit_losses,
        verdict=loss_falls,
        reference=False,
        requires=("build_lstm_lm.structure",),
        hint="the model must predict every next character: LSTM(return_sequences=True) then Dense(vocab_size) at each step",
    ),
]
