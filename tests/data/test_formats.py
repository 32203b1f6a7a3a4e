"""coursedata.formats: CoNLL and Kaggle NER CSV files."""

import pytest

from coursedata import formats
from coursedata.formats import Sentence

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O


Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
-DOCSTART- -X- -X- O
BRUSSELS\tNNP\tB-NP\tB-LOC
"""

SENTENCES = [
    (["EU", "rejects", "German", "call", "."], ["B-ORG", "O", "B-MISC", "O", "O"]),
    (["Peter", "Blackburn"], ["B-PER", "I-PER"]),
    (["BRUSSELS"], ["B-LOC"]),
]


def test_parse_conll_skips_docstart_and_blank_runs():
    sentences = formats.parse_conll(CONLL)
    assert sentences == SENTENCES
    assert isinstance(sentences[0], Sentence) and sentences[0].tokens[0] == "EU"
    assert formats.parse_conll("") == [] and formats.parse_conll("\n\n-DOCSTART- O\n\n") == []


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_conll_round_trip(tmp_path, sep):
    path = formats.write_conll(tmp_path / "a.conll", SENTENCES, sep=sep)
    assert path.read_text().startswith(f"EU{sep}B-ORG\nrejects{sep}O\n")
    assert formats.read_conll(path) == SENTENCES
    (tmp_path / "b.conll").write_text(CONLL)
    assert formats.read_conll(tmp_path / "b.conll") == formats.read_conll(path)


def test_conll_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("EU B-ORG\nrejects\n")
    with pytest.raises(ValueError, match=r"bad.conll: line 2: expected a token and a tag .*'rejects'"):
        formats.read_conll(bad)
    bad.write_bytes(b"EU B-ORG\n\nM\xfcller B-PER\n")
    with pytest.raises(ValueError, match=r"bad.conll: line 3: not utf-8 text \(byte 0xfc"):
        formats.read_conll(bad)
    assert formats.read_conll(bad, encoding="latin-1") == [(["EU"], ["B-ORG"]), (["Müller"], ["B-PER"])]
    with pytest.raises(FileNotFoundError, match="none.conll: no such file"):
        formats.read_conll(tmp_path / "none.conll")


@pytest.mark.parametrize(
    ("sentences", "message"),
    [
        ([(["a", "b"], ["O"])], "sentence 0: 2 tokens and 1 tags"),
        ([(["a"], ["O"]), ([], [])], "sentence 1: 0 tokens"),
        ([(["New York"], ["B-LOC"])], "sentence 0: token or tag 'New York' is empty or contains whitespace"),
        ([(["a"], [""])], "sentence 0: token or tag '' is empty"),
        (["not a pair"], "sentence 0: expected a"),
    ],
)
def test_write_rejects_what_cannot_be_read_back(tmp_path, sentences, message):
    with pytest.raises(ValueError, match=message):
        formats.write_conll(tmp_path / "x.conll", sentences)
    with pytest.raises(ValueError, match=message):
        formats.write_ner_csv(tmp_path / "x.csv", sentences)


KAGGLE = """Sentence #,Word,POS,Tag
Sentence: 1,Thousands,NNS,O
,of,IN,O
,demonstrators,NNS,O
,in,IN,O
,London,NNP,B-geo
,",",",",O
Sentence: 2,Iranian,JJ,B-gpe
,Caf\u00e9,NN,O
"""
KAGGLE_SENTENCES = [
    (["Thousands", "of", "demonstrators", "in", "London", ","], ["O", "O", "O", "O", "B-geo", "O"]),
    (["Iranian", "Café"], ["B-gpe", "O"]),
]


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8", "utf-8-sig"])
def test_read_kaggle_ner_csv_in_either_encoding(tmp_path, encoding):
    path = tmp_path / "ner_dataset.csv"
    path.write_text(KAGGLE, encoding=encoding)
    assert formats.read_ner_csv(path) == KAGGLE_SENTENCES
    assert formats.read_ner_csv(path, encoding="latin-1" if encoding == "latin-1" else "utf-8") == KAGGLE_SENTENCES


def test_ner_csv_round_trip_and_conversion_to_conll(tmp_path):
    path = formats.write_ner_csv(tmp_path / "ner.csv", KAGGLE_SENTENCES)
    assert path.read_text(encoding="utf-8").splitlines()[:3] == [
        "Sentence #,Word,Tag",
        "Sentence: 1,Thousands,O",
        ",of,O",
    ]
    sentences = formats.read_ner_csv(path)
    assert sentences == KAGGLE_SENTENCES
    assert formats.read_conll(formats.write_conll(tmp_path / "ner.conll", sentences)) == KAGGLE_SENTENCES


def test_sentence_id_on_every_row_is_one_sentence(tmp_path):
    path = tmp_path / "filled.csv"
    path.write_text("Word,Tag,Sentence #\nA,O,s1\nB,O,s1\nC,O,s2\n")
    assert formats.read_ner_csv(path) == [(["A", "B"], ["O", "O"]), (["C"], ["O"])]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (",of,IN,O\n", r"line 2: the first word has no sentence id in column 'Sentence #'"),
        ("Sentence: 1,of,IN,\n", r"line 2: empty Tag"),
        ("Sentence: 1,of,IN,O\n\n,,IN,O\n", r"line 4: empty Word"),
        ("Sentence: 1,of,IN,O\n,in,O\n", r"line 3: expected 4 cells \(Sentence #,Word,POS,Tag\), found 3"),
    ],
)
def test_ner_csv_errors_name_file_and_line(tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("Sentence #,Word,POS,Tag\n" + content)
    with pytest.raises(ValueError, match="bad.csv: " + message):
        formats.read_ner_csv(bad)
    bad.write_text("Sentence #,Word,POS\nSentence: 1,of,IN\n")
    with pytest.raises(ValueError, match=r"bad.csv: line 1: header .* lacks the column\(s\) 'Tag'"):
        formats.read_ner_csv(bad)


def test_csv_records(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('b,a\n1,"x\ny"\n\n3,z\n')
    assert formats.csv_records(path, ["a", "b"]) == [(3, ("x\ny", "1")), (5, ("z", "3"))]
