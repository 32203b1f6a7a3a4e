import pytest

from coursedata import shakespeare


def test_all_plays_are_found_with_genres():
    plays = shakespeare.list_plays()
    assert len(plays) == 38
    assert {p.genre for p in plays} == set(shakespeare.GENRES)
    assert any(p.slug == "hamlet" and p.title == "Hamlet" for p in plays)


def test_speeches_have_speakers_and_no_markup():
    sp = shakespeare.speeches("hamlet")
    assert sp[0].speaker == "BERNARDO" and sp[0].lines == ("Who's there?",)
    assert sp[0].scene.startswith("SCENE I. Elsinore")
    text = shakespeare.play_text("hamlet")
    assert "**" not in text and "_Enter" not in text and "To be, or not to be" in text


def test_split_is_by_play_and_deterministic():
    a, b = shakespeare.train_valid_test_text(max_chars=5000), shakespeare.train_valid_test_text(max_chars=5000)
    assert a == b and len(a.train) == 5000
    parts = shakespeare.DEFAULT_SPLIT
    assert not set(parts["train"]) & (set(parts["valid"]) | set(parts["test"]))


def test_read_text_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        shakespeare.read_text_file(tmp_path / "none.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\xff")
    with pytest.raises(ValueError, match="not utf-8 text"):
        shakespeare.read_text_file(bad)
    good = tmp_path / "good.txt"
    good.write_text("my own corpus")
    assert shakespeare.read_text_file(good) == "my own corpus"
