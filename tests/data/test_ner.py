"""coursedata.ner: the NER corpus tagged from the real plays, and the CoNLL / CSV loaders."""

import pytest

from coursedata import formats, ner, shakespeare


@pytest.fixture(scope="module")
def data():
    return ner.ner_dataset()


def _parts(dataset):
    return {split: getattr(dataset, split) for split in ("train", "valid", "test")}


def test_dataset_is_deterministic_and_bio(data):
    again = ner.ner_dataset()
    assert data.tag_names == ("B-LOC", "B-ORG", "B-PER", "I-PER", "O")
    for split, part in _parts(data).items():
        assert part == getattr(again, split)
        assert len(part) > 500
        for tokens, tags in part:
            assert len(tokens) == len(tags) and ner.MIN_TOKENS <= len(tokens) <= ner.MAX_TOKENS
            assert ner.is_bio(tags)
        free = sum(all(t == "O" for t in s.tags) for s in part)
        assert abs(free / len(part) - ner.ENTITY_FREE_SHARE) < 0.01
    assert [len(p) for p in _parts(data).values()] == [5412, 887, 763]


def test_splits_are_by_play_and_disjoint(data):
    plays = {split: set(slugs) for split, slugs in ner.SPLIT.items()}
    assert (
        not plays["train"] & plays["valid"]
        and not plays["train"] & plays["test"]
        and not plays["valid"] & plays["test"]
    )
    ophelia = {split: sum("Ophelia" in s.tokens for s in part) for split, part in _parts(data).items()}
    assert ophelia["valid"] > 5 and ophelia["train"] == ophelia["test"] == 0  # Hamlet is a validation play
    # sentences of a training play only, e.g. Mark Antony's
    assert any(s.tokens[:2] == ["Mark", "Antony"] for s in data.train)
    with pytest.raises(ValueError, match="'hamlet' is in both train and valid"):
        ner.ner_dataset(plays={"train": ("hamlet",), "valid": ("hamlet",), "test": ("macbeth",)})


def test_tagging_rules():
    gaz = ner._gazetteer(["macbeth", "julius-caesar"])
    tokens = ner.tokenize("Lady Macbeth and Caesar's senate went to Birnam Wood, not to Rome.")
    assert tokens[:5] == ["Lady", "Macbeth", "and", "Caesar", "'s"]
    assert ner.tag_tokens(tokens, gaz) == [
        "B-PER",
        "I-PER",
        "O",
        "B-PER",
        "O",
        "B-ORG",
        "O",
        "O",
        "B-LOC",
        "I-LOC",
        "O",
        "O",
        "O",
        "B-LOC",
        "O",
    ]
    names = ner.person_names(["macbeth"])
    assert ("Macbeth",) in names and ("Lady", "Macbeth") in names and ("Lady",) not in names
    assert not any("Witch" in n for n in names)  # minor roles are printed in title case
    assert ner.tokenize("O'er 'tis 12 men!") == ["O'er", "'", "tis", "12", "men", "!"]
    assert ner.is_bio(["B-PER", "I-PER", "O"]) and not ner.is_bio(["O", "I-PER"]) and not ner.is_bio(["B-LOC", "I-PER"])


def test_conll_and_csv_round_trip(data, tmp_path):
    small = ner.NerDataset(data.train[:40], data.valid[:30], data.test[:20], data.tag_names)
    paths = ner.write_conll_splits(tmp_path, small)
    assert sorted(p.name for p in paths.values()) == ["test.conll", "train.conll", "valid.conll"]
    back = ner.load_conll_splits(paths["train"], paths["valid"], paths["test"])
    assert back.train == small.train and back.valid == small.valid and back.test == small.test
    first = paths["train"].read_text(encoding="utf-8").splitlines()[0]
    assert first == f"{small.train[0].tokens[0]} {small.train[0].tags[0]}"
    csv_path = formats.write_ner_csv(tmp_path / "all.csv", small.train)
    one = ner.load_csv_splits(csv_path, fractions=(0.25, 0.25))
    assert (len(one.train), len(one.valid), len(one.test)) == (20, 10, 10)
    assert sorted(map(tuple, map(tuple, one.train + one.valid + one.test))) == sorted(
        map(tuple, map(tuple, small.train))
    )
    three = ner.load_csv_splits(csv_path, csv_path, csv_path)
    assert three.valid == small.train
    (tmp_path / "empty.conll").write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no sentences"):
        ner.load_conll_splits(paths["train"], paths["valid"], tmp_path / "empty.conll")
    with pytest.raises(FileNotFoundError):
        ner.load_conll_splits(tmp_path / "missing.conll", paths["valid"], paths["test"])


def test_plays_exist():
    known = {p.slug for p in shakespeare.list_plays()}
    assert all(slug in known for slugs in ner.SPLIT.values() for slug in slugs)
