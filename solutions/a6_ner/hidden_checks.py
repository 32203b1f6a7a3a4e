"""Hidden checks of assignment 6 (never released): other sizes, isolation inputs and edge cases."""

import numpy as np

from autograder.checks import Check, arguments_unchanged, inputs_unchanged, sibling

pub = sibling(__file__, "public_checks")

WORDS = [
    "Rome",
    "Venice",
    "Othello",
    "Iago",
    "the",
    "Moor",
    "of",
    "and",
    "went",
    "to",
    "Cassio",
    "loved",
    ",",
    ".",
    "!",
]
TAG_SET = ["B-LOC", "B-PER", "I-PER", "O", "B-ORG", "I-LOC"]


def random_sentences(n, low, high, words=WORDS):
    """n sentences of low..high words drawn from ``words`` (skewed, so counts differ)."""

    def build(rng):
        p = np.linspace(2.0, 0.2, len(words))
        p /= p.sum()
        return [[str(w) for w in rng.choice(words, size=int(rng.integers(low, high + 1)), p=p)] for _ in range(n)]

    return build


def vocab_inputs(n, min_count, low=2, high=9):
    def build(rng):
        return {"sentences": random_sentences(n, low, high)(rng), "min_count": min_count}

    return build


def tag_inputs(rng):
    tags = rng.permutation(TAG_SET)[:4]
    return {"tag_sequences": [[str(t) for t in rng.choice(tags, size=int(rng.integers(1, 6)))] for _ in range(7)]}


def vectorize_inputs(n, max_len, low, high):
    """Sentences of WORDS and a vocabulary that knows only some of them (the others are unknown)."""

    def build(rng):
        known = [str(w) for w in rng.permutation(WORDS)[:9]]
        vocab = {"<pad>": 0, "<unk>": 1, **{w: i + 2 for i, w in enumerate(known)}}
        return {"sentences": random_sentences(n, low, high)(rng), "vocab": vocab, "max_len": max_len}

    return build


def vectorize_tags_inputs(n, max_len):
    def build(rng):
        tag_vocab = {"<pad>": 0, **{t: i + 1 for i, t in enumerate(sorted(TAG_SET))}}
        seqs = [[str(t) for t in rng.choice(TAG_SET, size=int(rng.integers(1, max_len + 4)))] for _ in range(n)]
        return {"tag_sequences": seqs, "tag_vocab": tag_vocab, "max_len": max_len}

    return build


def predict_hidden_inputs(length, max_len):
    def build(rng):
        tokens = [str(w) for w in rng.choice(list(pub.VOCAB)[2:] + ["Padua", "Iago", "the"], size=length)]
        return pub.predict_inputs(tokens, max_len)(rng)

    return build


def random_tags(rng, n, t, p_o=0.5):
    """Tag sequences with B- and I- of three types, I- sometimes without its B- (conlleval mode)."""
    tags = ["B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    return [[("O" if rng.random() < p_o else str(rng.choice(tags))) for _ in range(t)] for _ in range(n)]


def f1_inputs(n, t):
    def build(rng):
        true = random_tags(rng, n, t)
        pred = [
            [(tag if rng.random() < 0.7 else str(rng.choice(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]))) for tag in seq]
            for seq in true
        ]
        return {"true_tag_seqs": true, "pred_tag_seqs": pred}

    return build


def accuracy_extra_padding(rng):
    """The public accuracy inputs with 5 more padded columns (padding predicted right)."""
    return pub.accuracy_inputs(5, 8, 4, extra_pad=5)(rng)


def probe_predict_unchanged(ns, target, inputs):
    """predict_tags with the fixed model of probe_predict; whether the tokens, vocabulary and tag list are unchanged."""
    import copy

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
    args = {k: copy.deepcopy(inputs[k]) for k in ("tokens", "vocab", "id_to_tag")}
    ns[target](fixed, args["tokens"], args["vocab"], args["id_to_tag"], inputs["max_len"])
    return {k: args[k] == inputs[k] for k in args}


def exact_lengths(rng):
    """Sentences of exactly max_len words, one more, one fewer, and an empty one."""
    d = vectorize_inputs(4, 5, 1, 1)(rng)
    words = [str(w) for w in rng.choice(WORDS, size=16)]
    d["sentences"] = [words[:5], words[5:11], words[11:15], []]
    return d


def probe_span_kinds(ns, target, inputs):
    """bio_spans on a copy of the tags: the Python type of each span it returns."""
    return [type(span).__name__ for span in ns[target](list(inputs["tags"]))]


def probe_tagger_input(ns, target, inputs):
    """The shape and dtype of the tagger's input (None for both where the model has no input)."""
    model = ns[target](**inputs)
    try:
        tensor = model.inputs[0]
    except (AttributeError, IndexError, TypeError, ValueError):
        return {"shape": None, "dtype": None}
    return {"shape": str(tuple(tensor.shape)), "dtype": str(getattr(tensor.dtype, "name", tensor.dtype))}


ARGS_UNCHANGED = arguments_unchanged
UNCHANGED = inputs_unchanged
NO_EDIT = "your function changed an argument it was given (a sentence, a tag list, a vocabulary or an array): work on new lists and arrays"

CHECKS = [
    Check(
        "build_vocab.hidden",
        "build_vocab",
        "build_vocab(9 hidden sentences, min_count=3)",
        vocab_inputs(9, 3),
        probe=pub.probe_vocab,
        hint="keep words with count >= min_count; order by decreasing count, then alphabetically; ids from 2",
    ),
    Check(
        "build_vocab.min_count_one",
        "build_vocab",
        "build_vocab(5 hidden sentences, min_count=1)",
        vocab_inputs(5, 1, 1, 4),
        probe=pub.probe_vocab,
        hint="with min_count=1 every word is kept; '<pad>' is 0 and '<unk>' is 1 whatever the data",
    ),
    Check(
        "build_tag_vocab.hidden",
        "build_tag_vocab",
        "build_tag_vocab(7 hidden tag sequences)",
        tag_inputs,
        probe=pub.probe_vocab,
        hint="the pad tag is 0; the other tags sorted, from 1, each once",
    ),
    Check(
        "vectorize.hidden",
        "vectorize",
        "vectorize(8 hidden sentences, max_len=6) with unknown words and truncation",
        vectorize_inputs(8, 6, 1, 10),
        probe=pub.probe_vectorize,
        hint="UNK_ID for words not in the vocabulary; cut long sentences after max_len words (keep the start)",
    ),
    Check(
        "vectorize.no_truncation",
        "vectorize",
        "vectorize(4 short hidden sentences, max_len=11)",
        vectorize_inputs(4, 11, 1, 3),
        probe=pub.probe_vectorize,
        hint="every row has max_len entries; padding goes at the END",
    ),
    Check(
        "vectorize_tags.hidden",
        "vectorize_tags",
        "vectorize_tags(5 hidden tag sequences, max_len=4)",
        vectorize_tags_inputs(5, 4),
        probe=pub.probe_vectorize,
        hint="tag ids from the tag vocabulary, PAD_TAG after the last tag, cut after max_len tags",
    ),
    Check(
        "build_tagger.hidden",
        "build_tagger",
        "the model from build_tagger(31, 9, 6, 5, bidirectional=True)",
        lambda rng: {
            "vocab_size": 31,
            "n_tags": 9,
            "embed_dim": 6,
            "units": 5,
            "bidirectional": True,
            "sample_input": pub.padded_ids(rng, 31, (6, 1, 3), 6),
        },
        probe=pub.probe_tagger,
        verdict=pub.tagger_structure,
        hint="use the arguments for every size; mask_zero=True, return_sequences=True, log_softmax output, ignore_class=PAD_TAG",
    ),
    Check(
        "build_tagger.unidirectional_hidden",
        "build_tagger",
        "the model from build_tagger(17, 4, 7, 2, bidirectional=False)",
        lambda rng: {
            "vocab_size": 17,
            "n_tags": 4,
            "embed_dim": 7,
            "units": 2,
            "bidirectional": False,
            "sample_input": pub.padded_ids(rng, 17, (4, 2), 4),
        },
        probe=pub.probe_tagger,
        verdict=pub.tagger_structure,
        hint="without bidirectional, a plain LSTM(units, return_sequences=True)",
    ),
    Check(
        "masked_accuracy.extra_padding",
        "masked_accuracy",
        "masked_accuracy with 5 extra padded columns (padding predicted right)",
        accuracy_extra_padding,
        hint="padding must change neither the numerator nor the denominator",
    ),
    Check(
        "masked_accuracy.pad_id",
        "masked_accuracy",
        "masked_accuracy with pad_id=-1 and label 0 a real tag",
        pub.accuracy_inputs(7, 6, 5, pad_id=-1),
        hint="use the pad_id argument, not a hard-coded 0",
    ),
    Check(
        "masked_accuracy.no_tokens",
        "masked_accuracy",
        "masked_accuracy on a batch that is all padding",
        pub.accuracy_inputs(3, 4, 5, empty=True),
        hint="with no real position, return 0.0 (not NaN, no division by zero)",
    ),
    Check(
        "predict_tags.hidden",
        "predict_tags",
        "predict_tags(a fixed model, a hidden 5-word sentence, max_len=12)",
        predict_hidden_inputs(5, 12),
        probe=pub.probe_predict,
        hint="one tag per word; drop the padded positions; argmax over the tag axis",
    ),
    Check(
        "predict_tags.long_sentence",
        "predict_tags",
        "predict_tags on a hidden sentence longer than max_len=4",
        predict_hidden_inputs(7, 4),
        probe=pub.probe_predict,
        hint="a sentence longer than max_len is cut by vectorize: return max_len tags",
    ),
    Check(
        "bio_spans.i_without_b",
        "bio_spans",
        "bio_spans with I- tags after O, after another type, and at the start",
        lambda rng: {"tags": ["I-LOC", "I-LOC", "O", "I-PER", "B-LOC", "I-PER", "I-PER", "B-PER", "B-PER"]},
        probe=pub.probe_plain,
        hint="an I-X that does not continue a span of type X starts a new span (conlleval mode)",
    ),
    Check(
        "bio_spans.outside",
        "bio_spans",
        "bio_spans with O and <pad> tags only, and a span at the very end",
        lambda rng: {"tags": ["O", "<pad>", "O", "B-ORG", "I-ORG"]},
        probe=pub.probe_plain,
        hint="tags other than B-X and I-X are outside every span; close the last span at the end of the sequence",
    ),
    Check(
        "entity_f1.hidden",
        "entity_f1",
        "entity_f1 on 9 hidden sequences of 8 tags",
        f1_inputs(9, 8),
        probe=pub.probe_plain,
        hint="count exact (type, start, end) matches per sentence; micro-average over all sentences",
    ),
    Check(
        "entity_f1.no_predictions",
        "entity_f1",
        "entity_f1 when nothing is predicted",
        lambda rng: {"true_tag_seqs": random_tags(rng, 4, 6, 0.3), "pred_tag_seqs": [["O"] * 6 for _ in range(4)]},
        probe=pub.probe_plain,
        hint="precision, recall and F1 are 0.0 when their denominator is 0",
    ),
    Check(
        "entity_f1.conlleval",
        "entity_f1",
        "entity_f1 where I- tags start spans",
        lambda rng: {
            "true_tag_seqs": [["I-PER", "I-PER", "O", "B-LOC"], ["O", "I-LOC", "B-PER", "I-PER"]],
            "pred_tag_seqs": [["B-PER", "I-PER", "O", "I-LOC"], ["O", "B-LOC", "B-PER", "O"]],
        },
        probe=pub.probe_plain,
        hint="I-X after O starts a span, so [I-PER, I-PER] and [B-PER, I-PER] are the same entity",
    ),
    Check(
        "build_vocab.ties_case",
        "build_vocab",
        "build_vocab of one sentence of 7 different words in upper and lower case (min_count=1)",
        lambda rng: {
            "sentences": [["and", "Brutus", "antony", "Antony", "cassius", "Caesar", "brutus"]],
            "min_count": 1,
        },
        probe=pub.probe_vocab,
        hint="ties in Python's string order, case-sensitive (sorted()): 'Antony' < 'Brutus' < 'Caesar' < 'and' < 'antony'",
    ),
    Check(
        "build_vocab.unchanged",
        "build_vocab",
        "the sentences after build_vocab(9 hidden sentences, min_count=3)",
        vocab_inputs(9, 3),
        probe=ARGS_UNCHANGED,
        requires=("build_vocab.values",),
        hint=NO_EDIT,
    ),
    Check(
        "build_tag_vocab.unchanged",
        "build_tag_vocab",
        "the tag sequences after build_tag_vocab",
        tag_inputs,
        probe=ARGS_UNCHANGED,
        requires=("build_tag_vocab.values",),
        hint=NO_EDIT,
    ),
    Check(
        "vectorize.exact_length",
        "vectorize",
        "vectorize of sentences of exactly max_len = 5 words, 6, 4 and 0 words",
        exact_lengths,
        probe=pub.probe_vectorize,
        hint="a sentence of exactly max_len words fills its row with no padding; an empty one is all PAD_ID",
    ),
    Check(
        "vectorize.unchanged",
        "vectorize",
        "the sentences and the vocabulary after vectorize(8 hidden sentences, max_len=6)",
        vectorize_inputs(8, 6, 1, 10),
        probe=ARGS_UNCHANGED,
        requires=("vectorize.values",),
        hint=NO_EDIT,
    ),
    Check(
        "vectorize_tags.unchanged",
        "vectorize_tags",
        "the tag sequences and the tag vocabulary after vectorize_tags",
        vectorize_tags_inputs(5, 4),
        probe=ARGS_UNCHANGED,
        requires=("vectorize_tags.values",),
        hint=NO_EDIT,
    ),
    Check(
        "masked_accuracy.unchanged",
        "masked_accuracy",
        "y_true and the predicted ids after masked_accuracy",
        pub.accuracy_inputs(5, 6, 4),
        probe=UNCHANGED,
        requires=("masked_accuracy.values",),
        hint=NO_EDIT,
    ),
    Check(
        "predict_tags.unchanged",
        "predict_tags",
        "the tokens, vocabulary and tag list after predict_tags",
        predict_hidden_inputs(5, 8),
        probe=probe_predict_unchanged,
        requires=("predict_tags.values",),
        hint="your function changed an argument it was given: pad a new list (tokens + [...]), not the caller's with += or append",
    ),
    Check(
        "bio_spans.unchanged",
        "bio_spans",
        "the tag list after bio_spans",
        lambda rng: {"tags": random_tags(rng, 1, 9)[0]},
        probe=ARGS_UNCHANGED,
        requires=("bio_spans.values",),
        hint="your function changed the tag list it was given: add a sentinel to a copy (list(tags) + ['O']), not with append",
    ),
    Check(
        "entity_f1.unchanged",
        "entity_f1",
        "the true and predicted tag sequences after entity_f1",
        f1_inputs(5, 7),
        probe=ARGS_UNCHANGED,
        requires=("entity_f1.values",),
        hint=NO_EDIT,
    ),
    Check(
        "bio_spans.empty",
        "bio_spans",
        "bio_spans of an empty tag list",
        lambda rng: {"tags": []},
        probe=pub.probe_plain,
        hint="an empty tag list has no span: return a new empty list (not the list you were given)",
    ),
    Check(
        "bio_spans.tuples",
        "bio_spans",
        "the kind of each span bio_spans returns for 8 tags with 3 spans",
        lambda rng: {"tags": ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-ORG"]},
        probe=probe_span_kinds,
        requires=("bio_spans.values",),
        hint="each span is a tuple (type, start, end), not a list: tuples can go in a set",
    ),
    Check(
        "build_tagger.input",
        "build_tagger",
        "the input of the model from build_tagger(19, 6, 5, 4, bidirectional=False)",
        lambda rng: {"vocab_size": 19, "n_tags": 6, "embed_dim": 5, "units": 4, "bidirectional": False},
        probe=probe_tagger_input,
        requires=("build_tagger.structure",),
        hint='keras.Input(shape=(None,), dtype="int32"): sentences of any length, of integer ids',
    ),
    Check(
        "entity_f1.no_true_entities",
        "entity_f1",
        "entity_f1 when the true tags hold no entity at all (only O) and some are predicted",
        lambda rng: {"true_tag_seqs": [["O"] * 5 for _ in range(3)], "pred_tag_seqs": random_tags(rng, 3, 5, 0.4)},
        probe=pub.probe_plain,
        hint="with no true entity, recall is 0.0 (its denominator is 0), precision is 0.0 and so is F1",
    ),
]
