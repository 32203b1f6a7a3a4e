"""Readers and writers for plain text, CoNLL and CSV files, with errors that name the file and line.

* CoNLL (as in CoNLL-2003): one token per line, columns separated by whitespace, the token in the
  first column and its tag in the last, a blank line between sentences, ``-DOCSTART-`` lines skipped.
* NER CSV in the common Kaggle layout (``ner_dataset.csv``): columns ``Sentence #``, ``Word`` and
  ``Tag`` (others, such as ``POS``, are ignored); the sentence id (``Sentence: 1``) is given only on
  the first word of each sentence. Encoding utf-8 or latin-1.

Example:
    >>> from coursedata import formats
    >>> formats.parse_conll("EU B-ORG\\nrejects O\\n\\nPeter B-PER\\n")
    [Sentence(tokens=['EU', 'rejects'], tags=['B-ORG', 'O']), Sentence(tokens=['Peter'], tags=['B-PER'])]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Sentence",
    "read_text_file",
    "csv_records",
    "parse_conll",
    "read_conll",
    "write_conll",
    "read_ner_csv",
    "write_ner_csv",
]

DOCSTART = "-DOCSTART-"
NER_COLUMNS = ("Sentence #", "Word", "Tag")


class Sentence(NamedTuple):
    """A tagged sentence; unpacks as ``tokens, tags`` (lists of the same length)."""

    tokens: list[str]
    tags: list[str]


def _decode(path: str | Path, encoding: str) -> str:
    """The file's text, newlines untouched (a utf-8 byte-order mark is dropped).

    Raises:
        FileNotFoundError: No such file.
        ValueError: The bytes are not text in ``encoding`` (the message gives the line).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    data = path.read_bytes()
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ValueError(
            f"{path}: line {line}: not {encoding} text (byte {data[err.start]:#04x} at offset {err.start})"
        ) from None


def read_text_file(path: str | Path, *, encoding: str = "utf-8") -> str:
    """Reads a plain-text file, e.g. an instructor's own corpus for a language model.

    Args:
        path: The file.
        encoding: Its encoding.

    Returns:
        The text, with ``\\r\\n`` and ``\\r`` newlines turned into ``\\n``.

    Raises:
        FileNotFoundError: No such file (the message names it).
        ValueError: The file is not text in ``encoding`` (the message names it and the line).
    """
    return _decode(path, encoding).replace("\r\n", "\n").replace("\r", "\n")


def csv_records(
    path: str | Path, columns: Sequence[str], *, encoding: str = "utf-8"
) -> list[tuple[int, tuple[str, ...]]]:
    """The rows of a CSV file with a header row, reduced to the named columns.

    Args:
        path: The file.
        columns: Column names that the header must contain; other columns are ignored.
        encoding: The file's encoding.

    Returns:
        ``(line, values)`` per data row, ``values`` in the order of ``columns``; blank lines skipped.

    Raises:
        FileNotFoundError: No such file.
        ValueError: Undecodable bytes, a missing column, a row with the wrong number of cells or
            malformed CSV; the message names the file and the line.
    """
    return _csv_rows(_decode(path, encoding), columns, source=str(path))


def _csv_rows(text: str, columns: Sequence[str], *, source: str) -> list[tuple[int, tuple[str, ...]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    out: list[tuple[int, tuple[str, ...]]] = []
    try:
        header = next(reader, None)
        if header is None:
            raise ValueError(f"{source}: line 1: empty file, expected a header row with {', '.join(columns)}")
        names = [h.strip() for h in header]
        missing = [c for c in columns if c not in names]
        if missing:
            raise ValueError(f"{source}: line 1: header {names} lacks the column(s) {', '.join(map(repr, missing))}")
        index = [names.index(c) for c in columns]
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                raise ValueError(
                    f"{source}: line {reader.line_num}: expected {len(names)} cells ({','.join(names)}), "
                    f"found {len(row)}"
                )
            out.append((reader.line_num, tuple(row[i] for i in index)))
    except csv.Error as err:
        raise ValueError(f"{source}: line {reader.line_num}: malformed CSV ({err})") from None
    return out


def parse_conll(text: str, *, source: str = "<string>") -> list[Sentence]:
    """Parses CoNLL text (see the module docstring).

    Args:
        text: The text.
        source: What to call it in error messages (a file name).

    Returns:
        The sentences, in order; blank runs and ``-DOCSTART-`` lines make no empty sentence.

    Raises:
        ValueError: A non-blank line with fewer than two columns (the message gives the line).
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        columns = line.split()
        if not columns or columns[0] == DOCSTART:
            if tokens:
                sentences.append(Sentence(tokens, tags))
            tokens, tags = [], []
            continue
        if len(columns) < 2:
            raise ValueError(
                f"{source}: line {number}: expected a token and a tag separated by whitespace, found {line!r}"
            )
        tokens.append(columns[0])
        tags.append(columns[-1])
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def read_conll(path: str | Path, *, encoding: str = "utf-8") -> list[Sentence]:
    """Reads a CoNLL file (token first, tag last, blank line between sentences).

    Raises:
        FileNotFoundError: No such file.
        ValueError: Undecodable bytes or a line without a tag; the message names the file and line.
    """
    return parse_conll(_decode(path, encoding), source=str(path))


def _checked(sentences: Iterable[Sequence[Sequence[str]]]) -> list[tuple[list[str], list[str]]]:
    """The sentences as lists, after checking each can be written and read back unchanged."""
    out = []
    for i, sentence in enumerate(sentences):
        try:
            tokens, tags = sentence
        except (TypeError, ValueError):
            raise ValueError(f"sentence {i}: expected a (tokens, tags) pair") from None
        tokens, tags = [str(t) for t in tokens], [str(t) for t in tags]
        if not tokens or len(tokens) != len(tags):
            raise ValueError(f"sentence {i}: {len(tokens)} tokens and {len(tags)} tags (need as many, at least 1)")
        for word in tokens + tags:
            if not word or word != "".join(word.split()):
                raise ValueError(f"sentence {i}: token or tag {word!r} is empty or contains whitespace")
        out.append((tokens, tags))
    return out


def write_conll(
    path: str | Path, sentences: Iterable[Sequence[Sequence[str]]], *, sep: str = " ", encoding: str = "utf-8"
) -> Path:
    """Writes sentences as CoNLL: ``token<sep>tag`` lines, a blank line after each sentence.

    Args:
        path: The file to (over)write.
        sentences: ``(tokens, tags)`` pairs, e.g. from :func:`read_conll`.
        sep: The column separator: a space or a tab.
        encoding: The file's encoding.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Raises:
        ValueError: A sentence that could not be read back unchanged (empty, tokens and tags of
            different lengths, a token or tag that is empty or contains whitespace), or a bad ``sep``.
    """
    if sep not in (" ", "\t"):
        raise ValueError(f"sep must be a space or a tab, got {sep!r}")
    lines = []
    for tokens, tags in _checked(sentences):
        lines += [f"{token}{sep}{tag}\n" for token, tag in zip(tokens, tags)] + ["\n"]
    path = Path(path)
    path.write_text("".join(lines), encoding=encoding)
    return path


def read_ner_csv(path: str | Path, *, encoding: str | None = None) -> list[Sentence]:
    """Reads NER data in the Kaggle layout (``Sentence #``, ``Word``, ``Tag``; other columns ignored).

    A non-empty ``Sentence #`` different from the current one starts a new sentence; rows with an
    empty ``Sentence #`` continue the current one.

    Args:
        path: The CSV file.
        encoding: Its encoding; ``None`` tries utf-8, then latin-1 (the Kaggle file's encoding).

    Returns:
        The sentences, in file order.

    Raises:
        FileNotFoundError: No such file.
        ValueError: A missing column, a first word without a sentence id, an empty word or tag,
            malformed CSV or undecodable bytes; the message names the file and the line.
    """
    if encoding is None:
        try:
            text = _decode(path, "utf-8")
        except ValueError:
            text = _decode(path, "latin-1")  # decodes any bytes
    else:
        text = _decode(path, encoding)
    rows = _csv_rows(text, NER_COLUMNS, source=str(path))
    sentences: list[Sentence] = []
    current = None
    for line, (sentence_id, word, tag) in rows:
        sentence_id, word, tag = sentence_id.strip(), word.strip(), tag.strip()
        if sentence_id and sentence_id != current:
            current = sentence_id
            sentences.append(Sentence([], []))
        elif current is None:
            raise ValueError(f"{path}: line {line}: the first word has no sentence id in column 'Sentence #'")
        if not word or not tag:
            raise ValueError(f"{path}: line {line}: empty {'Word' if not word else 'Tag'}")
        sentences[-1].tokens.append(word)
        sentences[-1].tags.append(tag)
    return sentences


def write_ner_csv(path: str | Path, sentences: Iterable[Sequence[Sequence[str]]], *, encoding: str = "utf-8") -> Path:
    """Writes sentences in the Kaggle NER layout: ``Sentence #,Word,Tag``, ids ``Sentence: 1``, ...

    Raises:
        ValueError: A sentence that could not be read back unchanged (see :func:`write_conll`).
    """
    checked = _checked(sentences)
    path = Path(path)
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh)
        writer.writerow(NER_COLUMNS)
        for number, (tokens, tags) in enumerate(checked, start=1):
            for i, (token, tag) in enumerate(zip(tokens, tags)):
                writer.writerow([f"Sentence: {number}" if i == 0 else "", token, tag])
    return path
