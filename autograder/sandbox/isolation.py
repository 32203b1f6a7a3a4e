"""Isolation of the student's worker when the grader runs as root.

Inside a forked child, before any student code runs:

1. ``unshare(CLONE_NEWNS | CLONE_NEWNET)``: a private mount table and an empty network namespace
   (no interface is up, not even loopback: no network at all).
2. Private mounts: every path in ``hide`` (the course's solutions, hidden checks, grading.yml,
   tests, git history, the results folder, other submissions' folders, the grader's home) is
   covered by an empty read-only tmpfs (folders) or ``/dev/null`` (files). Folders on the way to
   what the worker needs (the Python installation, the autograder package, its own temporary
   folder) that an unprivileged user cannot enter (``/root``, mode 700) are replaced by an empty
   tmpfs into which only the needed entries are bind-mounted back.
3. Drop to a user id of its own (one per concurrent worker, so workers cannot touch each other's
   files), no supplementary groups, and ``RLIMIT_NPROC`` for that user.

Without root, or where the host forbids namespaces, :func:`probe` reports a weaker mode and the
README's threat model says what is then no longer guaranteed.
"""

from __future__ import annotations

import ctypes
import dataclasses
import fcntl
import os
import resource
import stat
import threading
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 0x1000, 0x4000, 0x40000
FIRST_UID = 62000


class IsolationError(OSError):
    """The child could not be isolated as planned."""


@dataclasses.dataclass(frozen=True)
class Plan:
    """What one worker's isolation does.

    Attributes:
        uid: User (and group) id to run as, or None to stay as the grader's user.
        namespaces: Whether to make private mount and network namespaces.
        hide: Paths to cover with empty mounts.
        reveal: Paths the worker needs, kept reachable through folders it could not enter.
        nproc: ``RLIMIT_NPROC`` for the worker's user (threads count).
        shm_mb: Size of the worker's private ``/dev/shm``.
    """

    uid: int | None
    namespaces: bool
    hide: tuple[str, ...] = ()
    reveal: tuple[str, ...] = ()
    nproc: int = 512
    shm_mb: int = 64


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise IsolationError(err, f"{what}: {os.strerror(err)}")


def _mount(libc, source, target, fstype, flags, data=None) -> None:
    enc = lambda s: s.encode() if isinstance(s, str) else s  # noqa: E731
    _check(libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def _closed_ancestors(paths: tuple[str, ...]) -> dict[str, set[str]]:
    """Folders on the way to ``paths`` that others cannot traverse, with the entries needed in each."""
    need: dict[str, set[str]] = {}
    for p in paths:
        parts = Path(p).resolve().parts
        for i in range(1, len(parts) - 1):
            folder = Path(*parts[: i + 1])
            try:
                mode = folder.stat().st_mode
            except OSError:
                break
            if not mode & stat.S_IXOTH:
                need.setdefault(str(folder), set()).add(parts[i + 1])
    return need


def enter(plan: Plan) -> None:
    """Applies ``plan`` to the calling process (a fresh child, running as root).

    Raises:
        IsolationError: A step failed (the caller must not run student code then).
    """
    if plan.namespaces:
        libc = _libc()
        _check(libc.unshare(CLONE_NEWNS | CLONE_NEWNET), "unshare")
        _mount(libc, None, "/", None, MS_REC | MS_PRIVATE)
        for folder, entries in sorted(_closed_ancestors(plan.reveal).items(), key=lambda kv: len(kv[0])):
            fds = {e: os.open(os.path.join(folder, e), os.O_PATH) for e in entries}
            _mount(libc, "tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
            for entry, fd in fds.items():
                target = os.path.join(folder, entry)
                if stat.S_ISDIR(os.fstat(fd).st_mode):
                    os.mkdir(target)
                else:
                    open(target, "w").close()
                _mount(libc, f"/proc/self/fd/{fd}", target, None, MS_BIND | MS_REC)
                os.close(fd)
        for path in plan.hide:
            if os.path.isdir(path):
                _mount(libc, "tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k,mode=0555")
            elif os.path.exists(path):
                _mount(libc, "/dev/null", path, None, MS_BIND)
        if os.path.isdir("/dev/shm"):  # shared memory is RAM that no process's resident set counts: cap it
            _mount(libc, "tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"size={plan.shm_mb}m,mode=1777")
    if plan.uid is not None:
        resource.setrlimit(resource.RLIMIT_NPROC, (plan.nproc, plan.nproc))
        os.setgroups([])
        os.setgid(plan.uid)
        os.setuid(plan.uid)


def hidden_paths(*, root: Path, extra: list[Path], keep: list[Path]) -> tuple[str, ...]:
    """What the worker must not see: the course root's entries (but those in ``keep``), and ``extra``.

    Args:
        root: The course repo.
        extra: Other paths to hide (results folder, submissions' folders, the grader's home).
        keep: Paths the worker needs (the Python installation, the autograder package, ...).
    """
    keep_resolved = [Path(k).resolve() for k in keep]

    def needed(p: Path) -> bool:
        return any(p == k or p in k.parents or k in p.parents for k in keep_resolved)

    out = []
    root = Path(root).resolve()
    for entry in sorted(root.iterdir()):
        if entry.name.endswith(".egg-info") or needed(entry.resolve()):
            continue
        out.append(str(entry.resolve()))
    for p in extra:
        p = Path(p).resolve()
        if p.exists() and not needed(p) and not any(str(p).startswith(o + os.sep) or str(p) == o for o in out):
            out.append(str(p))
    return tuple(out)


def needed_paths() -> list[Path]:
    """What every worker must reach: the interpreter, its libraries, and the installed packages."""
    import sys

    import autograder

    paths = {Path(sys.base_prefix), Path(sys.prefix), Path(sys.executable).parent, Path(autograder.__file__).parent}
    try:
        import coursedata

        paths.update(Path(p) for p in coursedata.__path__ if os.path.isabs(p) and os.path.isdir(p))
    except ImportError:
        pass
    return sorted(paths)


class UidPool:
    """User ids for concurrent workers: each running worker holds one that no other running worker has,
    in this process or in any other grader on the machine (two Dask workers, two ``autograder grade``
    runs): a worker's end kills every process of its user id, so ids must never be shared.

    Each id is claimed with an exclusive ``flock`` on ``LOCK_DIR/<uid>.lock`` (root-only folder),
    which the kernel releases if the grader dies; within a process, ``size`` bounds how many are held.
    """

    LOCK_DIR = Path("/run/lock/autograder-uids") if Path("/run/lock").is_dir() else Path("/tmp/autograder-uids")
    SPAN = 4096  # ids tried from ``first``: room for many graders at once

    def __init__(self, size: int, first: int = FIRST_UID):
        self._first = first
        self._slots = threading.BoundedSemaphore(size)
        self._mutex = threading.Lock()
        self._held: dict[int, int] = {}

    def acquire(self) -> int:
        """Takes a free id (blocks until one is free)."""
        self._slots.acquire()
        self.LOCK_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self._mutex:
            for uid in range(self._first, self._first + self.SPAN):
                if uid in self._held:
                    continue
                fd = os.open(self.LOCK_DIR / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    os.close(fd)
                    continue
                self._held[uid] = fd
                return uid
        self._slots.release()
        raise RuntimeError(f"no free worker user id in {self._first}..{self._first + self.SPAN - 1}")

    def release(self, uid: int) -> None:
        """Gives an id back."""
        with self._mutex:
            fd = self._held.pop(uid)
        os.close(fd)  # closing drops the flock
        self._slots.release()


@dataclasses.dataclass
class Confinement:
    """How a batch confines its workers.

    Attributes:
        mode: ``namespaces+uid`` (full), ``uid`` (own user, no private mounts or network
            namespace) or ``none`` (same user as the grader: see the README's threat model).
        template: The plan, without its user id.
        pool: User ids for concurrent workers (None when not switching users).
        reason: Why a weaker mode was chosen.
    """

    mode: str
    template: Plan
    pool: UidPool | None
    reason: str = ""

    def plan_for(self, uid: int | None) -> Plan | None:
        """The plan of one worker."""
        if self.mode == "none":
            return None
        return dataclasses.replace(self.template, uid=uid)


def _try(plan: Plan) -> str:
    """Runs a tiny child under ``plan``; returns '' if it could import what workers need, else why not."""
    import subprocess
    import sys
    import tempfile

    code = (
        "import numpy, autograder.sandbox.worker, socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), "
        "timeout=1)\nexcept OSError:\n    pass\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        if plan.uid is not None:
            os.chown(tmp, plan.uid, plan.uid)
        try:
            proc = subprocess.run(
                [sys.executable, "-I", "-c", code],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=60,
                preexec_fn=lambda: enter(plan),
                env={"PATH": "/usr/bin:/bin", "HOME": tmp},
            )
        except (subprocess.SubprocessError, OSError) as err:
            return f"{type(err).__name__}: {err}"
    return "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or ["failed"])[-1]


def confinement(*, hide: tuple[str, ...], jobs: int) -> Confinement:
    """Chooses the strongest confinement this machine allows, by trying it."""
    reveal = tuple(str(p) for p in needed_paths()) + ("/tmp",)
    full = Plan(uid=FIRST_UID, namespaces=True, hide=hide, reveal=reveal)
    if os.geteuid() != 0:
        return Confinement("none", full, None, "the grader is not root, so it cannot run workers as another user")
    pool = UidPool(max(1, jobs) * 2)
    uid = pool.acquire()  # a claimed id: another grader's worker ending under an unclaimed one would kill the trial
    try:
        why = _try(dataclasses.replace(full, uid=uid))
        if not why:
            return Confinement("namespaces+uid", full, pool)
        uid_only = dataclasses.replace(full, namespaces=False)
        why2 = _try(dataclasses.replace(uid_only, uid=uid))
    finally:
        pool.release(uid)
    if not why2:
        return Confinement("uid", uid_only, pool, f"namespaces unavailable ({why})")
    return Confinement(
        "none", full, None, f"namespaces unavailable ({why}); another user cannot run Python here ({why2})"
    )
