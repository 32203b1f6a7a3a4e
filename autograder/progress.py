"""A progress line for batches: counts, percentage, rate and ETA, on stderr."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """Call with ``(done, total, result)`` after each submission; redraws one line (or prints lines when not a TTY)."""

    def __init__(self, stream=None, width: int = 24):
        self.stream = stream or sys.stderr
        self.width = width
        self.start = time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def line(self, done: int, total: int, last: str = "") -> str:
        """The text of the progress line."""
        elapsed = time.monotonic() - self.start
        frac = done / total if total else 1.0
        filled = int(round(frac * self.width))
        eta = elapsed / done * (total - done) if done else 0.0
        return (f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {frac:4.0%} "
                f"elapsed {elapsed:4.0f}s ETA {eta:4.0f}s {last}").rstrip()

    def __call__(self, done: int, total: int, result=None) -> None:
        last = f"{result.submission}: {result.score:g}/{result.max_score:g} {result.status}" if result is not None else ""
        text = self.line(done, total, last)
        if self.tty:
            self.stream.write("\r\x1b[2K" + text + ("\n" if done == total else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
