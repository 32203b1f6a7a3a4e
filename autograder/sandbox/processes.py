"""The worker's processes as the kernel sees them: ``/proc``, resource limits, killing, clean-up.

One parser reads ``/proc/<pid>/stat`` (:func:`stat_fields`); everything else here builds on it.
Used by :mod:`autograder.sandbox.runner` (the grader's side) and :mod:`autograder.sandbox.forkserver`
(inside a forked worker, for :func:`set_resource_limits`).
"""

from __future__ import annotations

import contextlib
import os
import resource
import select
import shutil
import signal
import stat
import time

SHARED_TMP = ("/tmp", "/var/tmp", "/dev/shm")


def stat_fields(pid: int | str) -> list[bytes] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name, or None if unreadable.

    The command name (field 2) may hold spaces and parentheses, so the line is cut at its last
    ``)``: index 0 is then the state (field 3), 1 the parent (field 4), 21 the RSS in pages (24).
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _pids():
    return (int(e.name) for e in os.scandir("/proc") if e.name.isdigit())


def _table() -> dict[int, tuple[int, bytes, int]]:
    """Every process now: pid -> (parent pid, state, resident pages), from one pass over ``/proc``."""
    out = {}
    for pid in _pids():
        fields = stat_fields(pid)
        with contextlib.suppress(IndexError, ValueError, TypeError):
            out[pid] = (int(fields[1]), fields[0], int(fields[21]))
    return out


def _depths(table: dict, root: int) -> dict[int, int]:
    """The processes below ``root`` with their depth (1: its children)."""
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    depth, todo = {}, [(root, 0)]
    while todo:
        pid, d = todo.pop()
        for child in children.get(pid, ()):
            if child not in depth and child != root:
                depth[child] = d + 1
                todo.append((child, d + 1))
    return depth


def descendants(root: int) -> list[int]:
    """Every living process below ``root`` (a keeper is a child subreaper: whatever its worker
    started, ``setsid`` and double forks included, stays below it while it lives)."""
    table = _table()
    return [pid for pid in _depths(table, root) if table[pid][1] != b"Z"]


def tree_rss_kb(root: int, *, from_depth: int = 1) -> int:
    """Resident memory of the processes below ``root`` at ``from_depth`` or deeper, in KiB (the
    keeper, and the namespace's init, are forks that never run student code: left out)."""
    table = _table()
    page_kb = resource.getpagesize() // 1024
    return sum(table[pid][2] * page_kb for pid, d in _depths(table, root).items() if d >= from_depth)


def kill_tree(root: int) -> None:
    """Kills every process below ``root``, again and again until none is left (a fork bomb makes new
    ones while a pass is under way), then ``root`` itself."""
    for _ in range(100):
        below = descendants(root)
        for pid in below:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        if not below:
            break
        time.sleep(0.005)
    with contextlib.suppress(OSError):
        os.kill(root, signal.SIGKILL)


def folder_usage(dir_fd: int, *, max_entries: int = 20000) -> tuple[int, int]:
    """Bytes of disk and number of entries below an open folder, never following a link; stops
    counting after ``max_entries`` (the caller treats that as over any budget)."""
    used = entries = 0
    try:
        walk = os.fwalk(".", dir_fd=dir_fd, follow_symlinks=False)
        for _, dirs, files, folder_fd in walk:
            for name in dirs + files:
                entries += 1
                with contextlib.suppress(OSError):
                    used += os.stat(name, dir_fd=folder_fd, follow_symlinks=False).st_blocks * 512
            if entries > max_entries:
                walk.close()
                break
    except OSError:
        pass
    return used, entries


def alive(pid: int, proc=None) -> bool:
    """Whether ``pid`` still runs (a zombie does not); ``proc`` is its ``Popen`` when the grader started it."""
    if proc is not None:
        return proc.poll() is None
    fields = stat_fields(pid)
    return bool(fields) and fields[0] != b"Z"


def exit_fd(pid: int) -> int | None:
    """A descriptor that becomes readable when ``pid`` exits (``pidfd_open``, Linux 5.3 and later; it
    works for a worker the fork server started, which is not the grader's child), or None."""
    try:
        return os.pidfd_open(pid)
    except (AttributeError, OSError):
        return None


def wait_exit(fd: int | None, timeout: float) -> None:
    """Sleeps up to ``timeout`` seconds, and no longer once the process behind ``fd`` has exited."""
    if fd is None:
        time.sleep(timeout)
    else:
        select.select([fd], [], [], timeout)


def kill_user(uid: int) -> None:
    """Kills every process of a worker's own user (daemons that left the session included), again
    and again until none is left: a fork bomb can make new ones while a pass is under way."""
    for _ in range(100):
        found = False
        for pid in _pids():
            try:
                if os.stat(f"/proc/{pid}").st_uid == uid and alive(pid):
                    os.kill(pid, signal.SIGKILL)
                    found = True
            except OSError:
                continue
        if not found:
            return
        time.sleep(0.01)


def remove_user_files(uid: int, roots=SHARED_TMP) -> None:
    """Deletes what a worker's user left in world-writable folders (its own folder is removed
    separately): files there would fill the disk or RAM over a batch, or pass notes to a later worker.
    Only folders that user could write into are searched."""
    for top in roots:
        for folder, dirs, files in os.walk(top):
            for name in files + dirs:
                path = os.path.join(folder, name)
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                if st.st_uid == uid:
                    if stat.S_ISDIR(st.st_mode):
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        with contextlib.suppress(OSError):
                            os.unlink(path)
            dirs[:] = [d for d in dirs if _writable_by_others(os.path.join(folder, d))]


def _writable_by_others(path: str) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and bool(st.st_mode & stat.S_IWOTH)


def set_resource_limits(*, file_mb: int, open_files: int) -> None:
    """In a worker, before student code: the largest file it may write, its open descriptors, no
    core dumps, and a too-large write that fails instead of killing the process."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_mb * 2**20, file_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
