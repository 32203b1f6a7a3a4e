"""Progress on stderr for long commands: a spinner from the first second, then a line per submission.

``ProgressBar.starting(text)`` shows a spinner (``rich``'s status) while the command starts up (the
reference, the sandbox probe, the fork server's TensorFlow import: seconds of otherwise silent
work); ``planned(total, skipped)`` says how many submissions will be graded and how many were
skipped (``--resume``, ``--only-failed``); each call ``(done, total, result)`` after a submission
redraws one line (or prints one line when stderr is not a terminal).

Text that may come from students (a submission's name and status, a notebook's file name in the
starting text) goes through :func:`autograder.reports.untrusted.terminal_line`, and the spinner's
text is given to ``rich`` as plain text, not markup, so none can move the cursor, overwrite the
line, colour the terminal or write a hyperlink.
"""

from __future__ import annotations

import sys
import time

from autograder.reports.untrusted import terminal_line


class ProgressBar:
    """Call with ``(done, total, result)`` after each submission; redraws one line (or prints lines when not a TTY)."""

    def __init__(self, stream=None, width: int = 24):
        self.stream = stream or sys.stderr
        self.width = width
        self.start = time.monotonic()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self._status = None

    def starting(self, text: str) -> None:
        """Shows ``text`` with a spinner (a terminal) or as one line (a log) until the first result."""
        self.stop()
        text = terminal_line(text)
        if self.tty:
            from rich.console import Console
            from rich.text import Text

            # a Text, not a string: rich reads no markup ([link=...]) or emoji codes in it
            self._status = Console(file=self.stream, highlight=False).status(Text(text), spinner="dots")
            self._status.start()
        else:
            self.stream.write(f"{text}\n")
            self.stream.flush()

    def stop(self) -> None:
        """Stops the spinner, if one runs."""
        if self._status is not None:
            self._status.stop()
            self._status = None

    def planned(self, total: int, skipped: int = 0, reason: str = "already graded") -> None:
        """Says how many submissions will be graded, and how many were skipped and why."""
        text = f"{total} submission(s) to grade" + (f"; {skipped} skipped ({terminal_line(reason)})" if skipped else "")
        if self._status is not None:
            self.stop()
            self.stream.write(text + "\n")
            self.starting(f"{text}: starting workers, first result soon")
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def line(self, done: int, total: int, last: str = "") -> str:
        """The text of the progress line (``last`` made one safe line of text)."""
        elapsed = time.monotonic() - self.start
        frac = done / total if total else 1.0
        filled = int(round(frac * self.width))
        eta = elapsed / done * (total - done) if done else 0.0
        return (
            f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {frac:4.0%} "
            f"elapsed {elapsed:4.0f}s ETA {eta:4.0f}s {terminal_line(last)}"
        ).rstrip()

    def __call__(self, done: int, total: int, result=None) -> None:
        self.stop()
        last = (
            f"{result.submission}: {result.score:g}/{result.max_score:g} {result.status}" if result is not None else ""
        )
        text = self.line(done, total, last)
        if self.tty:
            self.stream.write("\r\x1b[2K" + text + ("\n" if done == total else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
