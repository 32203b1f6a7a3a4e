"""Helpers for tests: a fresh copy of this course (as a clone has it), and commands run as typed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_copy(dest: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked, and new files git would not ignore)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for rel in filter(None, (r.decode() for r in listed)):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def shell(line: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """A command line run by bash in ``cwd``, with this interpreter's scripts (``autograder``) first on PATH."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
