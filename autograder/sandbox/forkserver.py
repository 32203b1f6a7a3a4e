"""A fork server for workers: import TensorFlow once, fork a fresh single-use worker per run.

TensorFlow's import costs about 4 s of CPU. The server (a "zygote") imports numpy, TensorFlow and
Keras under the device policy, runs no TensorFlow op, and then, for each request, forks a child
that becomes one worker and is never reused: one student's monkeypatches die with their child,
and the zygote itself never runs student code. Forking is only safe from a single-threaded
process, so the zygote checks that it has exactly one thread before every fork (numpy's and
OpenBLAS's pools are held to one thread by the environment) and refuses otherwise; the grader then
starts a worker the ordinary way.

Protocol (JSON lines on the zygote's stdin/stdout): a job (:mod:`autograder.sandbox.launch`) ->
``{"pid": N}`` or ``{"error": "..."}``; the pid is the worker's keeper.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence


def _single_threaded() -> bool:
    return len(os.listdir("/proc/self/task")) == 1


def _child(job: dict) -> None:
    """In the forked child: become a worker (:func:`autograder.sandbox.launch.become_worker`); never returns."""
    from autograder.sandbox import launch

    launch.become_worker(job)


def serve(preload: bool, modules: Sequence[str] = ()) -> None:
    """The zygote's loop (``python -m autograder.sandbox.forkserver [--tensorflow] [--import MODULE ...]``).

    Args:
        preload: Import TensorFlow and Keras under the policy first.
        modules: Modules the workers' setup cells import, imported here once so that every
            worker inherits them (a module that fails to import is left to the worker).
    """
    from autograder.sandbox import determinism

    determinism.set_environment()
    import numpy  # noqa: F401

    if preload:
        determinism.load_tensorflow()
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # the worker's own import reports it, in the student's terms
            pass
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    reply = os.fdopen(os.dup(1), "w", buffering=1)
    reply.write(json.dumps({"ready": True, "threads": len(os.listdir("/proc/self/task"))}) + "\n")
    for line in sys.stdin:
        job = json.loads(line)
        if not _single_threaded():
            reply.write(json.dumps({"error": "the fork server has more than one thread"}) + "\n")
            continue
        pid = os.fork()
        if pid == 0:
            reply.close()
            _child(job)
        reply.write(json.dumps({"pid": pid}) + "\n")
    reply.close()
    os._exit(0)  # the grader closed its end: nothing to flush, so skip tearing TensorFlow down (most of a second)


class ForkServer:
    """Grader-side handle of a zygote; thread-safe; use as a context manager.

    Args:
        env: The worker environment (scrubbed) the zygote and its children run with.
        preload: Whether to import TensorFlow and Keras in the zygote.
        cwd: The zygote's working folder.
        modules: Modules to import in the zygote after TensorFlow (the setup cells' imports: every
            worker runs those cells, twice per submission).
    """

    def __init__(self, *, env: dict, preload: bool, cwd: str, modules: Sequence[str] = ()):
        self._lock = threading.Lock()
        self._proc = subprocess.Popen(
            [sys.executable, "-I", "-m", "autograder.sandbox.forkserver"]
            + (["--tensorflow"] if preload else [])
            + [arg for name in modules for arg in ("--import", name)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        self._ready: bool | None = None  # known when the zygote's hello has been read

    def wait_ready(self) -> bool:
        """Waits for the zygote's hello (its imports done) the first time; whether it can fork.

        The constructor does not wait, so the caller can do other work (the reference) while the
        zygote imports TensorFlow.
        """
        with self._lock:
            if self._ready is None:
                try:
                    hello = self._proc.stdout.readline()
                    self._ready = bool(hello) and bool(json.loads(hello).get("ready", False))
                except (OSError, ValueError):
                    self._ready = False
            return self._ready

    def fork(self, job: dict) -> int | None:
        """Starts one worker; returns its pid, or None if the server cannot fork (use a plain process)."""
        if not self.wait_ready():
            return None
        with self._lock:
            try:
                self._proc.stdin.write(json.dumps(job) + "\n")
                self._proc.stdin.flush()
                answer = json.loads(self._proc.stdout.readline() or "{}")
            except (OSError, ValueError):
                self._ready = False
                return None
        return answer.get("pid")

    def close(self) -> None:
        """Stops the zygote."""
        try:
            self._proc.stdin.close()
        except OSError:
            pass
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


if __name__ == "__main__":
    _args = sys.argv[1:]
    serve("--tensorflow" in _args, [_args[i + 1] for i, a in enumerate(_args[:-1]) if a == "--import"])
