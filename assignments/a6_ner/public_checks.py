"""Public checks of assignment 6 (released: students run them with `autograder check`).

Sizes are all distinct (6 sentences, max_len 7, 5 tags, vocabulary 23, embedding 4, 3 units) so
that a swapped axis changes a shape or the values. Word id 0 and tag id 0 are padding, word id 1
is the unknown word. Accuracy inputs predict the padded positions correctly, so an accuracy whose
numerator counts padding is caught.
"""

import numpy as np

from autograder.checks import Check, loss_falls

SENTENCES = [
    ["Caesar", "went", "to", "Rome", "."],
    ["Brutus", "and", "Cassius", "met", "in", "Rome", "at", "night", "."],
    ["Mark", "Antony", "loved", "Egypt", "."],
    ["the", "senate", "met", "."],
    ["to", "Rome", "!"],
    ["Caesar", "and", "Antony", "went", "to", "Egypt", "at", "dawn", "."],
]
TAGS = [
    ["B-PER", "O", "O", "B-LOC", "O"],
    ["B-PER", "O", "B-PER", "O", "O", "B-LOC", "O", "O", "O"],
    ["B-PER", "I-PER", "O", "B-LOC", "O"],
    ["O", "B-ORG", "O", "O"],
    ["O", "B-LOC", "O"],
    ["B-PER", "O", "B-PER", "O", "O", "B-LOC", "O", "O", "O"],
]
VOCAB = {
    "<pad>": 0,
    "<unk>": 1,
    ".": 2,
    "Rome": 3,
    "to": 4,
    "Caesar": 5,
    "went": 6,
    "and": 7,
    "met": 8,
    "Antony": 9,
    "Egypt": 10,
    "at": 11,
}
TAG_VOCAB = {"<pad>": 0, "B-LOC": 1, "B-ORG": 2, "B-PER": 3, "I-PER": 4, "O": 5}


def probe_vocab(ns, target, inputs):
    """build_vocab / build_tag_vocab on copies; the dict with plain keys and ids."""
    import copy

    args = copy.deepcopy(inputs)
    vocab = ns[target](**args)
    return {str(k): int(v) for k, v in vocab.items()}


def probe_vectorize(ns, target, inputs):
    """vectorize / vectorize_tags as a numpy array."""
    import copy

    import numpy as np

    return np.asarray(ns[target](**copy.deepcopy(inputs)))


def accuracy_inputs(n=6, t=7, k=6, *, probabilities=False, pad_id=0, extra_pad=0, empty=False):
    """Labels padded 'post' with pad_id; predictions right at every padded position, right at about
    half of the real ones; as ids (n, t) or as log-probabilities (n, t, k)."""

    def build(rng):
        lengths = rng.permutation(np.arange(2, 2 + n)) % (t - 1) + 1
        if empty:
            lengths[:] = 0
        labels = np.arange(k) if pad_id != 0 else np.arange(1, k)
        y_true = np.full((n, t + extra_pad), pad_id, dtype=np.int64)
        y_pred = np.full((n, t + extra_pad), pad_id, dtype=np.int64)
        for i, length in enumerate(lengths):
            y_true[i, :length] = rng.choice(labels[labels != pad_id], size=length)
            right = rng.random(length) < 0.5
            y_pred[i, :length] = np.where(right, y_true[i, :length], rng.choice(labels[labels != pad_id], size=length))
        if probabilities:
            scores = rng.normal(size=(n, t + extra_pad, k))
            ids = y_pred if pad_id >= 0 else np.where(y_pred == pad_id, k - 1, y_pred)
            np.put_along_axis(scores, ids[..., None], scores.max(axis=-1, keepdims=True) + 1.0, axis=-1)
            scores = scores - np.log(np.exp(scores).sum(axis=-1, keepdims=True))
            return {"y_true": y_true, "y_pred": scores, "pad_id": pad_id}
        return {"y_true": y_true, "y_pred": y_pred, "pad_id": pad_id}

    return build


def padded_ids(rng, vocab_size, lengths, t=5):
    """Word ids (len(lengths), t), padded 'post' with PAD_ID 0 after each given length."""
    ids = rng.integers(2, vocab_size, size=(len(lengths), t)).astype(np.int32)
    for i, n in enumerate(lengths):
        ids[i, n:] = 0
    return ids


def probe_tagger(ns, target, inputs):
    """Builds the student's tagger and describes it (layers, compile arguments and, given
    ``sample_input``, its outputs with fixed weights; see autograder.checks.describe_model)."""
    from autograder.checks import build_and_describe

    return build_and_describe(ns, target, inputs)


def tagger_structure(received, expected, ctx):
    """Structure verdict: names the usual slips (mask, sequences, output, masked loss) plainly, then
    compares the models as the library does (autograder.checks.same_model)."""
    from autograder.checks import Outcome, same_model

    if not isinstance(received, dict) or received.get("returned") != "keras.Model" or received.get("built") is not True:
        return same_model(received, expected, ctx)  # None, not a model, never built: the library says which
    layers = [layer for layer in received.get("layers", []) if isinstance(layer, dict)]
    embedding = [layer for layer in layers if layer.get("type") == "Embedding"]
    if embedding and embedding[0].get("mask_zero") is not True:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected Embedding(..., mask_zero=True), received "
            f"mask_zero={embedding[0].get('mask_zero')!r} (padding would be read as a word)",
        )
    for layer in layers:
        inner = layer.get("inner", layer)
        if inner.get("type") in ("LSTM", "GRU", "SimpleRNN") and inner.get("return_sequences") is not True:
            return Outcome(
                False,
                "values",
                f"{ctx.what}: expected LSTM(..., return_sequences=True) (one output per word), received "
                f"return_sequences={inner.get('return_sequences')!r}",
            )
    if layers and layers[-1].get("type") == "Dense" and layers[-1].get("activation") != "log_softmax":
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected the output Dense layer with activation='log_softmax', received {layers[-1].get('activation')!r}",
        )
    if received.get("compiled") and received.get("loss.ignore_class") != 0:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected the loss with ignore_class=PAD_TAG (0), received "
            f"ignore_class={received.get('loss.ignore_class')!r} (padded targets would be learnt as a tag)",
        )
    if received.get("compiled") and received.get("loss.from_logits") is not True:
        return Outcome(
            False,
            "values",
            f"{ctx.what}: expected from_logits=True (the outputs are log-probabilities), received from_logits={received.get('loss.from_logits')!r}",
        )
    return same_model(received, expected, ctx)


def probe_tagger_masking(ns, target, inputs):
    """The tagger's outputs and loss at the real positions: once padded to length 5, once to 9.

    With mask_zero=True, the extra padding changes nothing (the backward LSTM of a Bidirectional
    layer starts at the last real word). The loss is the model's compiled loss on its own outputs
    (not model.evaluate, which returns a list when metrics are compiled, and which a masked
    TimeDistributed layer in Keras 3 cannot run on a second sequence length)."""
    import keras
    import numpy as np

    model = ns[target](**inputs["args"])
    ids, tags = inputs["ids"], inputs["tags"]
    extra = np.zeros((ids.shape[0], 4), dtype=ids.dtype)
    long_ids, long_tags = np.concatenate([ids, extra], axis=1), np.concatenate([tags, extra], axis=1)
    real = ids != 0
    loss = keras.losses.get(model.loss) if isinstance(model.loss, str) else model.loss

    def run(x, y):
        out = model(x, training=False)
        return np.asarray(out, dtype=np.float64), float(np.mean(np.asarray(loss(y, out))))

    short_out, short_loss = run(ids, tags)
    long_out, long_loss = run(long_ids, long_tags)
    return {
        "outputs": {"short": short_out[real], "long": long_out[:, : ids.shape[1]][real]},
        "loss": {"short": short_loss, "long": long_loss},
    }


def same_when_padded(received, expected, ctx):
    """Masking verdict: outputs and loss at the real positions must not change with extra padding."""
    import numpy as np

    from autograder.checks import Outcome, describe

    try:
        outs, losses = received["outputs"], received["loss"]
        a, b = np.asarray(outs["short"]), np.asarray(outs["long"])
        la, lb = float(losses["short"]), float(losses["long"])
    except (TypeError, KeyError, ValueError):
        return Outcome(False, "type", f"{ctx.what}: the outputs could not be collected ({describe(received)})")
    if a.shape != b.shape or not np.allclose(a, b, rtol=ctx.tol.rtol, atol=ctx.tol.atol):
        worst = float(np.max(np.abs(a - b))) if a.shape == b.shape else float("nan")
        return Outcome(
            False,
            "property",
            f"{ctx.what}: expected the same outputs at the real words with 4 more padding ids, "
            f"received outputs that differ by up to {worst:.3g}",
        )
    if not np.isclose(la, lb, rtol=ctx.tol.rtol, atol=ctx.tol.atol):
        return Outcome(
            False,
            "property",
            f"{ctx.what}: expected the same loss with 4 more padded positions, received {la:.6g} and then {lb:.6g}",
        )
    return Outcome(True)


def masking_inputs(rng):
    """A small bidirectional tagger and a padded batch (6 sentences, length 5)."""
    ids = rng.integers(2, 23, size=(6, 5))
    tags = rng.integers(1, 5, size=(6, 5))
    for i, length in enumerate([5, 3, 4, 1, 2, 5]):
        ids[i, length:] = 0
        tags[i, length:] = 0
    return {
        "args": {"vocab_size": 23, "n_tags": 5, "embed_dim": 4, "units": 3, "bidirectional": True},
        "ids": ids,
        "tags": tags,
    }


def probe_tagger_training(ns, target, inputs):
    """Trains the student's tagger on a tiny padded batch; returns the loss per epoch."""

    from autograder.checks import epoch_losses

    model = ns[target](**inputs["args"])
    return epoch_losses(model, inputs["ids"], inputs["tags"], epochs=inputs["epochs"])


def training_inputs(rng):
    """8 sentences of length up to 6 over 20 words and 5 tags; 30 full-batch epochs."""
    ids = rng.integers(2, 20, size=(8, 6))
    tags = (ids % 4) + 1  # the tag is a function of the word: learnable from the embedding alone
    for i, length in enumerate([6, 4, 5, 2, 3, 6, 1, 4]):
        ids[i, length:] = 0
        tags[i, length:] = 0
    return {
        "args": {"vocab_size": 20, "n_tags": 5, "embed_dim": 16, "units": 16, "bidirectional": False},
        "ids": ids,
        "tags": tags,
        "epochs": 30,
    }


def probe_predict(ns, target, inputs):
    """predict_tags with a fixed model whose best tag depends on the word only: an Embedding whose
    table holds log-probabilities (row 0, padding, prefers the pad tag; no real word does)."""
    import keras

    table = inputs["table"]
    fixed = keras.Sequential(
        [
            keras.Input((None,), dtype="int32"),
            keras.layers.Embedding(
                table.shape[0], table.shape[1], embeddings_initializer=keras.initializers.Constant(table)
            ),
        ]
    )
    tags = ns[target](
        fixed, list(inputs["tokens"]), dict(inputs["vocab"]), list(inputs["id_to_tag"]), inputs["max_len"]
    )
    return [str(t) for t in tags] if isinstance(tags, (list, tuple)) else tags


def predict_inputs(tokens, max_len):
    """A fixed model table for VOCAB and TAG_VOCAB, and a sentence to tag."""

    def build(rng):
        n_words, n_tags = len(VOCAB), len(TAG_VOCAB)
        best = rng.integers(1, n_tags, size=n_words)
        best[0] = 0
        scores = rng.normal(size=(n_words, n_tags))
        scores[np.arange(n_words), best] = scores.max(axis=1) + 1.0
        table = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        id_to_tag = [t for t, _ in sorted(TAG_VOCAB.items(), key=lambda kv: kv[1])]
        return {
            "table": table,
            "tokens": list(tokens),
            "vocab": dict(VOCAB),
            "id_to_tag": id_to_tag,
            "max_len": max_len,
        }

    return build


def probe_plain(ns, target, inputs):
    """Calls the target on deep copies; tuples and numpy numbers become plain lists and floats/ints."""
    import copy

    import numpy as np

    def plain(x):
        if isinstance(x, (list, tuple)):
            return [plain(v) for v in x]
        if isinstance(x, np.generic):
            return x.item()
        return x

    return plain(ns[target](**copy.deepcopy(inputs)))


PRED_TAGS = [
    ["B-PER", "O", "O", "B-LOC", "O"],  # right
    ["B-PER", "O", "B-LOC", "O", "O", "B-LOC", "O", "O", "O"],  # Cassius: wrong type
    ["B-PER", "O", "O", "B-LOC", "O"],  # Mark Antony cut short
    ["O", "B-ORG", "B-ORG", "O"],  # senate found, plus a spurious ORG
    ["O", "B-LOC", "O"],  # right
    ["B-PER", "O", "I-PER", "O", "B-LOC", "I-LOC", "O", "O", "B-PER"],  # I- starts a span; Egypt span too long; extra
]

CHECKS = [
    Check(
        "build_vocab.values",
        "build_vocab",
        "build_vocab(6 sentences, min_count=2)",
        lambda rng: {"sentences": SENTENCES, "min_count": 2},
        probe=probe_vocab,
        hint="'<pad>': 0, '<unk>': 1, then the words seen at least min_count times from id 2, most frequent first, ties "
        "in Python's string order (sorted(), case-sensitive)",
    ),
    Check(
        "build_tag_vocab.values",
        "build_tag_vocab",
        "build_tag_vocab(the tags of 6 sentences)",
        lambda rng: {"tag_sequences": TAGS},
        probe=probe_vocab,
        hint="'<pad>': 0 (PAD_TAG), then every tag seen, in sorted order, from id 1",
    ),
    Check(
        "vectorize.values",
        "vectorize",
        "vectorize(6 sentences, a 12-word vocabulary, max_len=7)",
        lambda rng: {"sentences": SENTENCES, "vocab": VOCAB, "max_len": 7},
        probe=probe_vectorize,
        hint="shape (n, max_len); unknown words -> UNK_ID; keep the FIRST max_len words; pad with PAD_ID at the END",
    ),
    Check(
        "vectorize_tags.values",
        "vectorize_tags",
        "vectorize_tags(6 tag sequences, the tag vocabulary, max_len=7)",
        lambda rng: {"tag_sequences": TAGS, "tag_vocab": TAG_VOCAB, "max_len": 7},
        probe=probe_vectorize,
        hint="like vectorize, padded with PAD_TAG at the END and cut after max_len tags",
    ),
    Check(
        "build_tagger.structure",
        "build_tagger",
        "the model from build_tagger(23, 5, 4, 3, bidirectional=False)",
        lambda rng: {
            "vocab_size": 23,
            "n_tags": 5,
            "embed_dim": 4,
            "units": 3,
            "bidirectional": False,
            "sample_input": padded_ids(rng, 23, (5, 2, 4)),
        },
        probe=probe_tagger,
        verdict=tagger_structure,
        hint="Embedding(vocab_size, embed_dim, mask_zero=True), LSTM(units, return_sequences=True), Dense(n_tags, activation='log_softmax'); "
        "Adam(0.01) and SparseCategoricalCrossentropy(from_logits=True, ignore_class=PAD_TAG)",
    ),
    Check(
        "build_tagger.bidirectional",
        "build_tagger",
        "the model from build_tagger(23, 5, 4, 3, bidirectional=True)",
        lambda rng: {
            "vocab_size": 23,
            "n_tags": 5,
            "embed_dim": 4,
            "units": 3,
            "bidirectional": True,
            "sample_input": padded_ids(rng, 23, (5, 2, 4)),
        },
        probe=probe_tagger,
        verdict=tagger_structure,
        hint="wrap the LSTM: Bidirectional(LSTM(units, return_sequences=True)); it has twice the LSTM's parameters",
    ),
    Check(
        "build_tagger.masking",
        "build_tagger",
        "a bidirectional tagger on a batch padded to 5, then to 9 positions",
        masking_inputs,
        probe=probe_tagger_masking,
        verdict=same_when_padded,
        reference=False,
        requires=("build_tagger.bidirectional",),
        hint="Embedding(..., mask_zero=True) tells the LSTMs to skip padding; the loss must ignore PAD_TAG",
    ),
    Check(
        "build_tagger.training",
        "build_tagger",
        "build_tagger(20, 5, 16, 16) trained for 30 epochs on 8 padded sentences",
        training_inputs,
        probe=probe_tagger_training,
        verdict=loss_falls,
        reference=False,
        requires=("build_tagger.structure",),
        hint="compile with Adam(learning_rate=0.01) and the masked loss; the tag here depends on the word alone",
    ),
    Check(
        "masked_accuracy.values",
        "masked_accuracy",
        "masked_accuracy(y_true (6, 7), predicted ids (6, 7), pad_id=0)",
        accuracy_inputs(),
        hint="count only positions where y_true != pad_id, in the numerator AND the denominator",
    ),
    Check(
        "masked_accuracy.probabilities",
        "masked_accuracy",
        "masked_accuracy(y_true (6, 7), log-probabilities (6, 7, 6), pad_id=0)",
        accuracy_inputs(probabilities=True),
        hint="for scores of shape (n, T, n_tags) take the argmax over the LAST axis first",
    ),
    Check(
        "predict_tags.values",
        "predict_tags",
        "predict_tags(a fixed model, a 6-word sentence with an unknown word, max_len=9)",
        predict_inputs(["Caesar", "went", "to", "Athens", "with", "Antony"], 9),
        probe=probe_predict,
        hint="the model takes a batch: predict on vectorize([tokens], ...) of shape (1, max_len) as it is; argmax over "
        "the LAST axis; keep the first len(tokens) ids; map them to tags",
    ),
    Check(
        "bio_spans.values",
        "bio_spans",
        "bio_spans(12 BIO tags)",
        lambda rng: {
            "tags": ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "I-PER", "I-PER", "B-ORG", "I-PER", "O"]
        },
        probe=probe_plain,
        hint="(type, start, end) with end exclusive; B-X starts a span; I-X continues a span of type X, otherwise it starts one",
    ),
    Check(
        "entity_f1.values",
        "entity_f1",
        "entity_f1(6 true and 6 predicted tag sequences)",
        lambda rng: {"true_tag_seqs": TAGS, "pred_tag_seqs": PRED_TAGS},
        probe=probe_plain,
        hint="count whole spans: a predicted span is right only if its type, start AND end all match a true span of the same sentence",
    ),
]
