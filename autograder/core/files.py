"""Writing files so that a reader (or a grader killed half way) never sees half of one."""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Writes ``data`` to ``path`` through a temporary file and a rename.

    Args:
        path: The file to write.
        data: Its bytes.
        durable: fsync before the rename (off for caches, whose torn files are only recomputed).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        if durable:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)
