"""The term's records: marks given by hand and extensions, read and checked line by line.

``term/manual/NAME.csv``::

    student,question,points,comment
    alice,explain_plot,1.5,"right idea; the cell state's path is not named"

``term/extensions.csv``::

    student,assignment,due
    alice,a7_lstm,2026-10-15T23:59:00+00:00

``student`` is the submission's name as the results have it (nbgrader's student id, or the file's
stem). Every problem is reported with its file and line, all at once (:class:`RecordsError`).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

from autograder.core.config import AssignmentConfig, parse_due

TERM_FOLDER = "term"
MANUAL_FOLDER = "manual"
EXTENSIONS_FILE = "extensions.csv"
MARK_COLUMNS = ("student", "question", "points", "comment")
EXTENSION_COLUMNS = ("student", "assignment", "due")


class RecordsError(ValueError):
    """The term's records have problems: one line each, ``file:line: what``."""


@dataclasses.dataclass(frozen=True)
class Mark:
    """A mark given by hand.

    Attributes:
        student: The submission's name.
        question: The question's id in ``grading.yml``.
        points: Points given.
        comment: What the marker wrote (shown to the student).
        where: ``file:line``.
    """

    student: str
    question: str
    points: float
    comment: str
    where: str


@dataclasses.dataclass(frozen=True)
class Extension:
    """A later due date for one student on one assignment."""

    student: str
    assignment: str
    due: dt.datetime
    where: str


def _rows(path: Path, columns: tuple[str, ...], problems: list[str]) -> list[tuple[int, dict]]:
    """The rows of a CSV file with exactly these columns (a comment column may be left out), with line numbers."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        problems.append(f"{path}: cannot be read ({err})")
        return []
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(h.strip() for h in reader.fieldnames or ())
    required = tuple(c for c in columns if c != "comment")
    if not set(required) <= set(header) or not set(header) <= set(columns):
        problems.append(f"{path}:1: expected the columns {','.join(columns)}, got {','.join(header) or 'nothing'}")
        return []
    out = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for k, v in row.items() if k in required):
            problems.append(f"{path}:{line}: expected {len(header)} values, got another number")
            continue
        row = {k.strip(): (v or "").strip() for k, v in row.items()}
        if not row["student"]:
            problems.append(f"{path}:{line}: the student is empty")
            continue
        out.append((line, row))
    return out


def _first(seen: dict, key: tuple, line: int, said: str, where: str, problems: list[str]) -> bool:
    """Whether ``key`` is new (then it is noted at ``line``); else a problem naming the earlier line."""
    if key in seen:
        problems.append(f"{where}: {said} (line {seen[key]})")
        return False
    seen[key] = line
    return True


def read_marks(path: Path, cfg: AssignmentConfig, problems: list[str]) -> list[Mark]:
    """The marks of one assignment's file, each checked against its ``manual:`` questions."""
    out: list[Mark] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(path, MARK_COLUMNS, problems):
        where = f"{path}:{line}"
        student, question = row["student"], row["question"]
        if question not in cfg.manual:
            known = ", ".join(cfg.manual) or "none"
            problems.append(f"{where}: {question!r} is not a manual question of {cfg.name} (grading.yml has: {known})")
            continue
        try:
            points = float(row["points"])
        except ValueError:
            problems.append(f"{where}: points {row['points']!r} is not a number")
            continue
        most = cfg.manual[question].points
        if not 0 <= points <= most:
            problems.append(f"{where}: points {row['points']} is outside 0..{most:g} for {question}")
            continue
        if _first(seen, (student, question), line, f"{student!r} already has a mark for {question}", where, problems):
            out.append(Mark(student, question, points, row.get("comment", ""), where))
    return out


def read_extensions(path: Path, configs: dict[str, AssignmentConfig], problems: list[str]) -> list[Extension]:
    """The extensions file, each row checked against the course's assignments."""
    out: list[Extension] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(path, EXTENSION_COLUMNS, problems):
        where = f"{path}:{line}"
        student, assignment = row["student"], row["assignment"]
        if assignment not in configs:
            problems.append(f"{where}: {assignment!r} is not an assignment of grading.yml")
            continue
        try:
            due = parse_due(row["due"])
        except ValueError:
            problems.append(f"{where}: due {row['due']!r} is not a date and time such as 2026-10-15T23:59:00+00:00")
            continue
        if _first(
            seen, (student, assignment), line, f"{student!r} already has an extension on {assignment}", where, problems
        ):
            out.append(Extension(student, assignment, due, where))
    return out
