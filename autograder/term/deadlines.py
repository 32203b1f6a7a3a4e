"""When a submission came in, and what lateness costs under a course's policy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import stat
from pathlib import Path

from autograder.core.config import LatePolicy

TIMESTAMP_FILE = "timestamp.txt"  # nbgrader's, beside a submitted notebook
LMS_NAME = re.compile(r"_attempt_(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})(?:_|$)")
"""An LMS download's name: ``ASSIGNMENT_STUDENT_attempt_YYYY-MM-DD-HH-MM-SS_NOTEBOOK.ipynb`` (UTC)."""
UNIT_SECONDS = {"hour": 3600.0, "day": 86400.0}


def parse_time(text: str) -> dt.datetime | None:
    """An aware time from nbgrader's timestamp text (``2026-10-12 23:59:00.123456 UTC``) or ISO 8601
    (UTC when no offset is given); None for anything else."""
    text = str(text).strip()
    if text.endswith(" UTC"):
        text = text[:-4]
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _read_small(path: Path, limit: int = 200) -> str | None:
    """A small plain file's text, never following a link; None if there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, limit).decode("utf-8", "replace")
    finally:
        os.close(fd)


def submission_time(notebook: Path) -> str:
    """When a notebook was submitted, as ISO 8601 text (UTC), or ``""`` when nothing says.

    nbgrader's ``timestamp.txt`` beside the notebook first (``nbgrader collect`` and ``zip_collect``
    write it), then a timestamp in the file's name as LMS downloads carry it (``..._attempt_
    2026-10-12-23-59-00_...``).
    """
    notebook = Path(notebook)
    stamp = _read_small(notebook.parent / TIMESTAMP_FILE)
    when = parse_time(stamp) if stamp is not None else None
    if when is None:
        match = LMS_NAME.search(notebook.stem)
        if match:
            try:
                when = dt.datetime(*map(int, match.groups()), tzinfo=dt.timezone.utc)
            except ValueError:
                when = None
    return when.astimezone(dt.timezone.utc).isoformat() if when else ""


@dataclasses.dataclass(frozen=True)
class Late:
    """How late a submission was.

    Attributes:
        submitted: When it came in.
        due: Its due date (the student's extension, if any).
        seconds: How long after the due date.
        units: Started hours or days late beyond the grace period (0 without a penalty unit).
        fraction: The fraction of the points earned the policy takes.
        extended: Whether ``due`` is an extension.
    """

    submitted: dt.datetime
    due: dt.datetime
    seconds: float
    units: int
    fraction: float
    extended: bool = False


def lateness(
    submitted: dt.datetime | None, due: dt.datetime | None, policy: LatePolicy, *, extended: bool = False
) -> Late | None:
    """How late a submission was, or None when it was on time or nothing says when it came or was due."""
    if submitted is None or due is None or submitted <= due:
        return None
    seconds = (submitted - due).total_seconds()
    counted = seconds - 60.0 * policy.grace_minutes
    if counted <= 0:
        return None
    unit = UNIT_SECONDS.get(policy.per)
    units = math.ceil(counted / unit) if unit else 0
    return Late(submitted, due, seconds, units, min(policy.cap, policy.penalty * units), extended)


def said(late: Late) -> str:
    """``1 day 2 h 5 min`` style text for how late a submission was."""
    minutes = int(late.seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [
        f"{days} day{'s' if days != 1 else ''}" if days else "",
        f"{hours} h" if hours else "",
        f"{mins} min" if mins else "",
    ]
    return " ".join(p for p in parts if p) if minutes else f"{int(late.seconds)} s"
