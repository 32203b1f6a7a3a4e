"""coursedata.textcls: the genre dataset from the real plays, and text,label CSV files."""

import numpy as np
import pytest

from coursedata import shakespeare, textcls


@pytest.fixture(scope="module")
def data():
    return textcls.genre_dataset()


def _parts(dataset):
    return {split: getattr(dataset, split) for split in ("train", "valid", "test")}


def test_default_dataset_is_balanced_and_deterministic(data):
    again = textcls.genre_dataset()
    assert data.label_names == ("comedy", "tragedy")
    for split, part in _parts(data).items():
        other = getattr(again, split)
        assert part.texts == other.texts and np.array_equal(part.labels, other.labels)
        assert part.labels.dtype == np.int64 and set(part.labels.tolist()) == {0, 1}
        assert len(part) == len(part.labels) > 500 and part.labels.mean() == 0.5
        assert all(len(text.split()) >= 12 for text in part.texts)
    assert [len(part) for part in _parts(data).values()] == [3000, 904, 692]


def test_splits_are_by_play_and_disjoint(data):
    plays = {split: {slug for slugs in textcls.SPLIT[split].values() for slug in slugs} for split in textcls.SPLIT}
    assert not plays["train"] & plays["valid"] and not plays["train"] & plays["test"]
    assert not plays["valid"] & plays["test"]
    genre_of = {p.slug: p.genre for p in shakespeare.list_plays()}
    assert all(
        genre_of[slug] == genre for split in textcls.SPLIT.values() for genre, slugs in split.items() for slug in slugs
    )
    texts = {split: set(part.texts) for split, part in _parts(data).items()}
    assert not texts["train"] & texts["valid"] and not texts["train"] & texts["test"]
    hamlet = {" ".join(s.lines) for s in shakespeare.speeches("hamlet")}  # hamlet is a validation play
    assert texts["valid"] & hamlet and not texts["train"] & hamlet and not texts["test"] & hamlet


def test_seed_changes_order_not_plays(data):
    other = textcls.genre_dataset(seed=1, max_per_class=200)
    assert len(other.train) == 400 and other.train.texts != data.train.texts[:400]
    test_plays = [slug for slugs in textcls.SPLIT["test"].values() for slug in slugs]
    assert set(other.test.texts) <= {" ".join(s.lines) for slug in test_plays for s in shakespeare.speeches(slug)}


def test_other_genres_and_bad_plays():
    split = textcls.split_by_play(("histories", "roman"))
    assert split["test"] == {"histories": ("edward-iii",), "roman": ("antony-and-cleopatra",)}
    assert "henry-v" in split["train"]["histories"]
    bad = {name: {g: tuple(v) for g, v in parts.items()} for name, parts in textcls.SPLIT.items()}
    bad["test"]["tragedies"] = ("hamlet",)
    with pytest.raises(ValueError, match="'hamlet' is in both valid and test"):
        textcls.genre_dataset(plays=bad)
    bad["test"]["tragedies"] = ("julius-caesar",)
    with pytest.raises(ValueError, match="'julius-caesar' is not one of the tragedies plays"):
        textcls.genre_dataset(plays=bad)
    with pytest.raises(ValueError, match="unknown genre 'sonnets'"):
        textcls.genre_dataset(("comedies", "sonnets"))


def test_csv_round_trip(tmp_path):
    texts = ["a, b", 'say "hi"', "two\nlines", "ünïcode — ok", ""]
    labels = np.array([0, 1, 2, 1, 0])
    part = textcls.load_csv(textcls.save_csv(tmp_path / "d.csv", texts, labels))
    assert part.texts == texts and part.labels.tolist() == labels.tolist() and part.labels.dtype == np.int64
    assert (tmp_path / "d.csv").read_bytes().startswith(b'text,label\r\n"a, b",0\r\n')


def test_dataset_from_csv(tmp_path, data):
    paths = [
        textcls.save_csv(tmp_path / f"{split}.csv", part.texts[:50], part.labels[:50])
        for split, part in _parts(data).items()
    ]
    mine = textcls.dataset_from_csv(*paths, label_names=data.label_names)
    assert mine.train.texts == data.train.texts[:50] and mine.label_names == ("comedy", "tragedy")
    assert textcls.dataset_from_csv(*paths).label_names == ("0", "1")
    with pytest.raises(ValueError, match="label 1 has no name"):
        textcls.dataset_from_csv(*paths, label_names=("only",))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("text,label\nhello,one\n", r"bad.csv: line 2: label 'one' is not a whole number"),
        ("text,label\nfine,0\nhello,-1\n", r"bad.csv: line 3: label '-1' is not a whole number"),
        ('text,label\nfine,0\n\n"a, b",1,extra\n', r"bad.csv: line 4: expected 2 cells \(text,label\), found 3"),
        ("words,label\nhello,1\n", r"bad.csv: line 1: header \['words', 'label'\] lacks the column\(s\) 'text'"),
        ("", r"bad.csv: line 1: empty file"),
        ("text,label\n", r"bad.csv: no examples"),
    ],
)
def test_load_csv_errors_name_file_and_line(tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        textcls.load_csv(bad)


def test_csv_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.csv: no such file"):
        textcls.load_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        textcls.save_csv(tmp_path / "x.csv", ["a", "b"], [0])
    with pytest.raises(ValueError, match="example 1: label 0.5"):
        textcls.save_csv(tmp_path / "x.csv", ["a", "b"], [0, 0.5])
    with pytest.raises(ValueError, match="example 0: label True"):
        textcls.save_csv(tmp_path / "x.csv", ["a"], [True])
