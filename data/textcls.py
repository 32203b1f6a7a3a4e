"""A genre-classification dataset from the plays: comedy (0) or tragedy (1) from one speech.

Speeches of at least ``min_words`` words, split by PLAY (no play in two splits, so a model cannot
learn the names of one play's characters and be tested on the same play), balanced per split, in a
deterministic order. ``load_csv``/``save_csv`` read and write ``text,label`` files so instructors can
use their own data.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import numpy as np

from coursedata import shakespeare

LABELS = ("comedy", "tragedy")
SPLIT = {
    "train": {"comedy": ("a-midsummer-night-s-dream", "as-you-like-it", "much-ado-about-nothing", "the-comedy-of-errors",
                         "the-merry-wives-of-windsor"),
              "tragedy": ("macbeth", "othello", "romeo-and-juliet", "king-lear")},
    "valid": {"comedy": ("twelfth-night",), "tragedy": ("hamlet",)},
    "test": {"comedy": ("love-s-labours-lost", "two-gentlemen-of-verona"), "tragedy": ("timon-of-athens",)},
}


@dataclasses.dataclass(frozen=True)
class Part:
    """Texts and integer labels of one split."""

    texts: list[str]
    labels: np.ndarray


@dataclasses.dataclass(frozen=True)
class Dataset:
    """Train, validation and test parts, and the label names (index = label)."""

    train: Part
    valid: Part
    test: Part
    label_names: tuple[str, ...] = LABELS


def _speeches(slugs, min_words: int) -> list[str]:
    out = []
    for slug in slugs:
        for s in shakespeare.speeches(slug):
            text = " ".join(s.lines)
            if len(text.split()) >= min_words:
                out.append(text)
    return out


def genre_dataset(*, min_words: int = 12, seed: int = 0, max_per_class: int | None = 1500) -> Dataset:
    """The comedy-vs-tragedy dataset (deterministic for a given seed)."""
    rng = np.random.default_rng(seed)
    parts = {}
    for split, by_label in SPLIT.items():
        pools = [_speeches(by_label[name], min_words) for name in LABELS]
        n = min(len(p) for p in pools)
        if max_per_class:
            n = min(n, max_per_class)
        texts, labels = [], []
        for label, pool in enumerate(pools):
            chosen = rng.permutation(len(pool))[:n]
            texts += [pool[i] for i in sorted(chosen)]
            labels += [label] * n
        order = rng.permutation(len(texts))
        parts[split] = Part([texts[i] for i in order], np.asarray(labels, dtype=np.int64)[order])
    return Dataset(parts["train"], parts["valid"], parts["test"])


def save_csv(path: str | Path, texts: list[str], labels) -> Path:
    """Writes a ``text,label`` CSV with a header row."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "label"])
        for text, label in zip(texts, labels):
            writer.writerow([text, int(label)])
    return path


def load_csv(path: str | Path) -> Part:
    """Reads a ``text,label`` CSV (header row required; labels are integers).

    Raises:
        FileNotFoundError: No such file.
        ValueError: A missing header, or a bad row (the message gives its line number).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    texts, labels = [], []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or [h.strip().lower() for h in header[:2]] != ["text", "label"]:
            raise ValueError(f"{path}: line 1: expected the header 'text,label', found {header!r}")
        for row in reader:
            line = reader.line_num
            if len(row) != 2:
                raise ValueError(f"{path}: line {line}: expected 2 columns (text,label), found {len(row)}")
            try:
                labels.append(int(row[1]))
            except ValueError:
                raise ValueError(f"{path}: line {line}: label {row[1]!r} is not an integer") from None
            texts.append(row[0])
    return Part(texts, np.asarray(labels, dtype=np.int64))
