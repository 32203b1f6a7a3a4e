"""A seccomp filter that makes this process tree look like a host that refuses what the grader wants.

``refuse(userns=True)`` answers ``unshare`` and ``clone`` with ``CLONE_NEWUSER`` by ``EPERM`` and
``clone3`` by ``ENOSYS`` (what Docker's default profile does); ``refuse(landlock=True)`` answers
Landlock's three system calls by ``ENOSYS`` (a kernel without Landlock). The filter holds for the
process and everything it starts, across ``setuid`` and ``execve``. x86-64 only.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

AUDIT_ARCH_X86_64 = 0xC000003E
NR_CLONE, NR_UNSHARE, NR_CLONE3 = 56, 272, 435
NR_LANDLOCK = (444, 445, 446)
CLONE_NEWUSER = 0x10000000
LD_W_ABS, JEQ_K, JSET_K, RET_K = 0x20, 0x15, 0x45, 0x06
RET_ALLOW, RET_ERRNO = 0x7FFF0000, 0x00050000
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2


class _Filter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _program(userns: bool, landlock: bool) -> list[tuple[int, int, int, int]]:
    deny_perm = (RET_K, 0, 0, RET_ERRNO | errno.EPERM)
    deny_nosys = (RET_K, 0, 0, RET_ERRNO | errno.ENOSYS)
    allow = (RET_K, 0, 0, RET_ALLOW)
    prog = [(LD_W_ABS, 0, 0, 4), (JEQ_K, 1, 0, AUDIT_ARCH_X86_64), allow, (LD_W_ABS, 0, 0, 0)]
    if landlock:
        for nr in NR_LANDLOCK:
            prog += [(JEQ_K, 0, 1, nr), deny_nosys]
    if userns:
        prog += [(JEQ_K, 0, 1, NR_CLONE3), deny_nosys]
        prog += [(JEQ_K, 1, 0, NR_UNSHARE), (JEQ_K, 0, 3, NR_CLONE)]
        prog += [(LD_W_ABS, 0, 0, 16), (JSET_K, 0, 1, CLONE_NEWUSER), deny_perm]
    prog.append(allow)
    return prog


def refuse(*, userns: bool = False, landlock: bool = False) -> None:
    """Installs the filter on the calling process (root, or with ``no_new_privs`` set)."""
    if platform.machine() != "x86_64":
        raise OSError(errno.ENOSYS, "the host simulation's filter is written for x86-64")
    prog = _program(userns, landlock)
    raw = b"".join(struct.pack("HBBI", code, jt, jf, k) for code, jt, jf, k in prog)
    buf = ctypes.create_string_buffer(raw, len(raw))
    fprog = _Filter(len(prog), ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"seccomp: {errno.errorcode.get(err, err)}")
