"""The resource limits of one worker: plain data, set in ``grading.yml`` and kept by the sandbox."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Limits:
    """Resource limits of one worker.

    Attributes:
        check_timeout_s: Wall time per check.
        cell_timeout_s: Wall time per notebook cell.
        startup_s: Extra wall time for the interpreter and imports.
        memory_mb: Resident memory of the worker's whole process group.
        output_kb: Student output kept (the rest is discarded).
        file_mb: Largest file the worker may write.
        disk_mb: Everything the worker may write: its scratch space (``/tmp``, ``/var/tmp``, its
            working folder: a tmpfs of this size where namespaces are had) and, counted apart,
            its results folder (polled).
        open_files: Open file descriptors.
    """

    check_timeout_s: float = 60.0
    cell_timeout_s: float = 30.0
    startup_s: float = 30.0
    memory_mb: int = 4096
    output_kb: int = 64
    file_mb: int = 64
    disk_mb: int = 256
    open_files: int = 1024
