"""Landlock: an unprivileged allow-list of what a process may read, write and connect to.

Landlock (Linux 5.13 and later) lets any process restrict itself and every process it starts,
for good: no capability, no user id and no new mount lifts it. :func:`restrict` builds one
ruleset and applies it to the calling process (which must have ``no_new_privs`` set):

- the file system: read (and run) only beneath ``read`` paths, read and write only beneath
  ``write`` paths; everything else, the course among it, cannot be opened (ABI 1; linking and
  renaming across folders ABI 2; truncating ABI 3; device ioctls ABI 5);
- TCP: no port may be bound or connected to (ABI 4; UDP is not covered by Landlock);
- scoping (ABI 6): no signal to a process outside the domain (the grader, the keeper, other
  workers of the same user), no connection to an abstract UNIX socket made outside it.

Landlock also keeps the process from tracing or reading the memory of any process outside its
domain (``/proc/PID/mem``, ``environ``), from ABI 1 on.
"""

from __future__ import annotations

import ctypes
import os
import platform
import stat

_SYSCALLS = {"x86_64": (444, 445, 446), "aarch64": (444, 445, 446), "arm64": (444, 445, 446)}
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH, RULE_NET_PORT = 1, 2

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1

_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1}  # ABI 5 and later: 1 << 16
FILE_RIGHTS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV  # the only rights a rule on a file may hold
READ = EXECUTE | READ_FILE | READ_DIR
WRITE = READ | WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_DIR | MAKE_REG | MAKE_SOCK | MAKE_FIFO | MAKE_SYM
WRITE |= REFER | TRUNCATE


class LandlockError(OSError):
    """The ruleset could not be built or applied."""


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def abi() -> int:
    """The Landlock ABI this kernel offers (0: none, or an unknown architecture)."""
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None:
        return 0
    version = _libc().syscall(numbers[0], None, ctypes.c_size_t(0), ctypes.c_uint32(CREATE_RULESET_VERSION))
    return max(0, int(version))


def fs_rights(version: int) -> int:
    """Every file-system right Landlock knows at ``version``."""
    return _FS_BY_ABI.get(version, (1 << 16) - 1)


def _fail(what: str) -> LandlockError:
    err = ctypes.get_errno()
    return LandlockError(err, f"landlock {what}: {os.strerror(err)}")


def restrict(*, read: list[str], write: list[str], version: int, write_files: list[str] = ()) -> None:
    """Restricts the calling process (and its future children) for good.

    Args:
        read: Folders (or files) whose content may be read and run.
        write: Folders whose content may also be created, written, removed and renamed.
        version: The ABI to use (from :func:`abi`; at least 1).
        write_files: Single files that may be written (``/dev/null``).

    Raises:
        LandlockError: The kernel refused (the caller must then not run untrusted code).
    """
    create, add_rule, restrict_self = _SYSCALLS[platform.machine()]
    libc = _libc()
    handled = fs_rights(version)
    attr = _RulesetAttr(
        handled_access_fs=handled,
        handled_access_net=(NET_BIND_TCP | NET_CONNECT_TCP) if version >= 4 else 0,
        scoped=(SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL) if version >= 6 else 0,
    )
    size = 8 if version < 4 else 16 if version < 6 else 24
    ruleset = libc.syscall(create, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        raise _fail("create_ruleset")
    try:
        rules = [(p, READ | (IOCTL_DEV if version >= 5 else 0)) for p in read] + [(p, WRITE) for p in write]
        rules += [(p, WRITE_FILE | READ_FILE) for p in write_files]
        for path, access in rules:
            _add_path(libc, add_rule, ruleset, path, access & handled)
        if libc.syscall(restrict_self, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise _fail("restrict_self")
    finally:
        os.close(ruleset)


def _add_path(libc, add_rule: int, ruleset: int, path: str, access: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that is not here needs no rule
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            access &= FILE_RIGHTS
        rule = _PathBeneath(allowed_access=access, parent_fd=fd)
        if libc.syscall(add_rule, ctypes.c_int(ruleset), ctypes.c_int(RULE_PATH_BENEATH), ctypes.byref(rule), 0) != 0:
            raise _fail(f"add_rule {path}")
    finally:
        os.close(fd)
