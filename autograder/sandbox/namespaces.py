"""The kernel's pieces of a confined worker, one function each: namespaces, mounts, privileges.

Python 3.11 has no ``os.unshare`` or ``mount``; these are thin ``ctypes`` calls into libc, used
by :mod:`autograder.sandbox.isolation` in a freshly forked, single-threaded child. The order of
steps follows bubblewrap's: make the namespaces, map the user, make every mount while the
namespace's capabilities are still held, then drop them all and set ``no_new_privs`` before any
untrusted code runs (mounts made before that cannot be undone by the worker: it holds no
capability, and mounts inherited by any namespace it makes are locked together).
"""

from __future__ import annotations

import ctypes
import os
import platform
import stat
from pathlib import Path

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID = 0x00020000, 0x10000000, 0x20000000
CLONE_NEWNET, CLONE_NEWIPC = 0x40000000, 0x08000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_BIND, MS_REC, MS_PRIVATE = 0x1000, 0x4000, 0x40000
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_CHILD_SUBREAPER, PR_SET_NO_NEW_PRIVS = 1, 24, 36, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
_CAPSET = {"x86_64": 126, "aarch64": 91, "arm64": 91}
_CAP_VERSION_3 = 0x20080522


class IsolationError(OSError):
    """A confinement step failed: the caller must not run student code."""


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise IsolationError(err, f"{what}: {os.strerror(err)}")


def unshare(flags: int) -> None:
    """Moves the calling process into new namespaces (``CLONE_NEW*`` flags)."""
    _check(_libc().unshare(flags), "unshare")


def map_user(uid: int, gid: int) -> None:
    """In a new user namespace: the process keeps its own user and group id (mapped one to one),
    and may never change its supplementary groups."""
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1\n"), ("gid_map", f"{gid} {gid} 1\n")):
        try:
            with open(f"/proc/self/{name}", "w") as fh:
                fh.write(text)
        except OSError as err:
            raise IsolationError(err.errno, f"writing /proc/self/{name}: {err.strerror}") from None


def mount(source, target, fstype, flags: int, data=None) -> None:
    """``mount(2)``."""
    enc = lambda s: s.encode() if isinstance(s, str) else s  # noqa: E731
    _check(_libc().mount(enc(source), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def make_private() -> None:
    """No mount made from now on propagates back to the grader's namespace."""
    mount(None, "/", None, MS_REC | MS_PRIVATE)


def tmpfs(
    target: str, *, size: str, mode: str, owner: int | None = None, read_only: bool = False, inodes: int | None = None
) -> None:
    """Mounts a fresh tmpfs of at most ``size`` (``64m``, ``4k``) and ``inodes`` files at ``target``."""
    data = f"size={size},mode={mode}" + (f",uid={owner},gid={owner}" if owner is not None else "")
    data += f",nr_inodes={inodes}" if inodes is not None else ""
    mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV | (MS_RDONLY if read_only else 0), data)


def cover(folder: str, keep: list[str], fds: dict[str, int], *, size: str = "64k", mode: str = "0755") -> None:
    """Replaces ``folder`` by an empty tmpfs into which only ``keep`` (paths below it, opened
    earlier as ``fds``) are bound back, each at its own place: the rest of ``folder`` is gone.

    Args:
        folder: The folder to cover.
        keep: Paths below ``folder`` to keep reachable.
        fds: ``O_PATH`` descriptors of the kept paths, opened before any mount changed the view.
        size: The tmpfs's size.
        mode: Its root's mode.
    """
    tmpfs(folder, size=size, mode=mode)
    for path in sorted(keep, key=len):
        fd = fds.get(path)
        if fd is None:
            continue
        rel = Path(path).relative_to(folder)
        target = Path(folder, rel)
        for parent in reversed(target.parents):
            if parent != Path(folder) and Path(folder) in parent.parents and not parent.exists():
                os.mkdir(parent, 0o755)
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            os.makedirs(target, mode=0o755, exist_ok=True)
        elif not target.exists():
            open(target, "w").close()
        mount(f"/proc/self/fd/{fd}", str(target), None, MS_BIND | MS_REC)


def hide(path: str) -> None:
    """Covers ``path`` with an empty, read-only folder (or ``/dev/null`` for a file)."""
    if os.path.isdir(path):
        tmpfs(path, size="4k", mode="0555", read_only=True)
    elif os.path.lexists(path):
        mount("/dev/null", path, None, MS_BIND)


def mount_proc() -> None:
    """A ``/proc`` of the calling process's own PID namespace (only its processes are in it)."""
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)


def prctl(option: int, arg: int = 0) -> None:
    """``prctl(2)`` with one argument."""
    _check(_libc().prctl(option, ctypes.c_ulong(arg), 0, 0, 0), f"prctl {option}")


def drop_bounding_set() -> None:
    """No capability can ever be gained again (the bounding set emptied; needs ``CAP_SETPCAP``),
    and none is kept across an exec (the ambient set cleared)."""
    libc = _libc()
    try:
        last = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    except (OSError, ValueError):
        last = 63
    for cap in range(last + 1):
        libc.prctl(PR_CAPBSET_DROP, ctypes.c_ulong(cap), 0, 0, 0)  # EINVAL for a cap this kernel lacks
    libc.prctl(PR_CAP_AMBIENT, ctypes.c_ulong(PR_CAP_AMBIENT_CLEAR_ALL), 0, 0, 0)


def drop_capabilities() -> None:
    """Drops every capability for good: bounding and ambient sets, then effective, permitted and inheritable."""
    drop_bounding_set()
    libc = _libc()
    header = (ctypes.c_uint32 * 2)(_CAP_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    number = _CAPSET.get(platform.machine())
    if number is None:
        raise IsolationError(0, f"capset: unknown architecture {platform.machine()}")
    _check(libc.syscall(number, ctypes.byref(header), ctypes.byref(data)), "capset")


def no_new_privs() -> None:
    """No exec can ever grant privileges again (set-user-id files, file capabilities)."""
    prctl(PR_SET_NO_NEW_PRIVS, 1)


def capabilities_left() -> int:
    """The effective capability mask of the calling process (0 once dropped)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("CapEff:"):
            return int(line.split()[1], 16)
    return 0
