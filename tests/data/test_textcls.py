import numpy as np
import pytest

from coursedata import textcls


def test_dataset_is_balanced_deterministic_and_split_by_play():
    a, b = textcls.genre_dataset(), textcls.genre_dataset()
    for split in ("train", "valid", "test"):
        pa, pb = getattr(a, split), getattr(b, split)
        assert pa.texts == pb.texts and np.array_equal(pa.labels, pb.labels)
        assert pa.labels.mean() == 0.5 and len(pa.texts) == len(pa.labels) > 100
    plays = {split: set(sum(textcls.SPLIT[split].values(), ())) for split in textcls.SPLIT}
    assert not plays["train"] & plays["valid"] and not plays["train"] & plays["test"]
    assert not set(a.train.texts) & set(a.test.texts)


def test_csv_round_trip_and_errors(tmp_path):
    path = textcls.save_csv(tmp_path / "d.csv", ["a, b", 'say "hi"'], [0, 1])
    part = textcls.load_csv(path)
    assert part.texts == ["a, b", 'say "hi"'] and part.labels.tolist() == [0, 1]
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nhello,one\n")
    with pytest.raises(ValueError, match="line 2: label 'one' is not an integer"):
        textcls.load_csv(bad)
    bad.write_text("words,label\n")
    with pytest.raises(ValueError, match="line 1"):
        textcls.load_csv(bad)
