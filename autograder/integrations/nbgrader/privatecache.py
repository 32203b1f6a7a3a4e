"""A private cache folder for the grader's user: created 0700, and trusted only if it still is.

Grade cells under ``nbgrader autograde`` keep one notebook's result for the notebook's other grade
cells (see :mod:`autograder.integrations.nbgrader.autograde`). The folder holds copies of results, so it must not be
readable by other users, and nothing in it may have been planted by someone else: the folder and
every entry used are checked to be owned by this user, not links, and (folders) mode 0700.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class CacheError(RuntimeError):
    """The cache folder exists but is not private to this user; the message says why."""


def _check_private(path: Path, *, folder: bool) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise CacheError(f"{path}: is a symbolic link")
    if folder and not stat.S_ISDIR(info.st_mode):
        raise CacheError(f"{path}: is not a folder")
    if not folder and not stat.S_ISREG(info.st_mode):
        raise CacheError(f"{path}: is not a regular file")
    if info.st_uid != os.getuid():
        raise CacheError(f"{path}: owned by uid {info.st_uid}, not by this user ({os.getuid()})")
    mask = 0o077 if folder else 0o022  # a file in a 0700 folder may be readable, never writable, by others
    if info.st_mode & mask:
        raise CacheError(
            f"{path}: mode {stat.S_IMODE(info.st_mode):o} lets other users in (expected {'700' if folder else '644 or tighter'})"
        )


def base_folder() -> Path:
    """Where private caches live: ``$XDG_CACHE_HOME/autograder`` (or ``~/.cache/autograder``), or
    ``<tmp>/autograder-<uid>`` when there is no usable home."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    home = Path(xdg) if xdg else (Path.home() / ".cache" if os.environ.get("HOME") else None)
    if home is None or not os.access(home if home.exists() else home.parent, os.W_OK):
        return Path(tempfile.gettempdir()) / f"autograder-{os.getuid()}"
    return home / "autograder"


def private_folder(*parts: str, base: Path | None = None) -> Path:
    """Makes (or reuses) ``base/parts...``, each level created 0700 and verified private.

    Args:
        parts: Sub-folders below the base, e.g. ``("nbgrader", key)``.
        base: The base folder (default :func:`base_folder`).

    Returns:
        The folder.

    Raises:
        CacheError: A level exists but is a link, not ours, or open to other users.
    """
    path = Path(base) if base is not None else base_folder()
    path.parent.mkdir(parents=True, exist_ok=True)
    for level in [path, *[path.joinpath(*parts[: i + 1]) for i in range(len(parts))]]:
        try:
            os.mkdir(level, 0o700)
        except FileExistsError:
            pass
        _check_private(level, folder=True)
    return path.joinpath(*parts)


def read_private(path: Path) -> bytes | None:
    """The bytes of a file in a private folder, or None if it is absent.

    Raises:
        CacheError: The file is a link, not ours, or writable by others.
    """
    try:
        _check_private(path, folder=False)
    except FileNotFoundError:
        return None
    return Path(path).read_bytes()
