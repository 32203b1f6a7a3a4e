"""Confinement of the student's worker, as root or as an ordinary user, chosen by a probe.

A worker starts as a fresh child (forked from the fork server, or a new interpreter), and
:func:`enter` turns it into three processes before any student code runs:

- the **keeper** (the child itself, the process the grader watches): a child subreaper, so
  every process the worker starts stays below it whatever it does (``setsid``, double forks);
  it never runs student code, waits for the worker and, in modes without a PID namespace, kills
  what is left below it before it exits. The grader counts memory over the keeper's whole tree.
- in the namespace modes, an **init** (PID 1 of a new PID namespace): when it ends, the kernel
  kills every process in the namespace, so nothing the worker started can outlive it; it dies
  with the keeper (``PR_SET_PDEATHSIG``).
- the **worker**, which drops every privilege before it returns to run student code.

The layers, strongest first (:func:`confinement` tries them and takes the first that works):

1. **Namespaces** (``namespaces+uid`` as root, ``userns`` as an ordinary user, who first makes a
   user namespace that maps only its own ids): new mount, network, PID and IPC namespaces. The
   course, the results folder, the submissions' folders and the grader's home are covered by
   empty mounts; folders on the way to what the worker needs show only that; ``/tmp`` and
   ``/var/tmp`` are a private tmpfs of ``disk_mb`` (the worker's own folder included) and
   ``/dev/shm`` one of ``shm_mb``; ``/proc`` shows the worker's own processes only; the network
   namespace is empty (not even loopback). Then every capability is dropped (root: a user id of
   the worker's own; an ordinary user: the namespace's capabilities, bounding set included) and
   ``no_new_privs`` is set, so nothing mounted can be undone.
2. **Landlock** (:mod:`autograder.sandbox.landlock`), over the namespaces where the kernel has
   it, and on its own where namespaces are refused (``landlock``): read only the Python
   installation, the packages and system folders, write only the worker's own folder, no TCP,
   no signal to or trace of a process outside the worker.
3. Nothing (``none``): the worker runs as the grader's user with its rights.

``RLIMIT_NPROC`` bounds the worker's processes in every mode but ``none`` (a user of its own
as root; a user namespace of its own counts only its processes; with Landlock alone, the
user's processes at the start plus the allowance).
"""

from __future__ import annotations

import dataclasses
import os
import resource
import select
import signal
import stat
from pathlib import Path

from autograder.sandbox import landlock, namespaces
from autograder.sandbox.namespaces import IsolationError

__all__ = ["IsolationError", "Plan", "enter"]

SYSTEM_READ = ("/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin", "/etc", "/proc", "/sys", "/dev")
SCRATCH = ("/tmp", "/var/tmp")
SCRATCH_FILES = 16384  # files and folders in a worker's scratch space (each costs unaccounted kernel memory)


@dataclasses.dataclass(frozen=True)
class Plan:
    """What one worker's confinement does.

    Attributes:
        uid: User (and group) id to run as (root only), or None to keep the grader's user.
        namespaces: Whether to make private mount, network, PID and IPC namespaces.
        user_namespace: Whether to make a user namespace first (an ordinary user's namespaces).
        landlock: The Landlock ABI to apply (0: none).
        hide: Paths to cover with empty mounts.
        reveal: Paths the worker needs (read only): the Python installation, the packages.
        mask: Folders shown with only the ``reveal`` paths below them (the grader's home and
            the course, where the packages live inside them).
        nproc: How many processes the worker may have at once.
        shm_mb: Size of the worker's private ``/dev/shm``.
        disk_mb: Size of the worker's private scratch space (``/tmp``, ``/var/tmp``, its folder).
    """

    uid: int | None
    namespaces: bool
    user_namespace: bool = False
    landlock: int = 0
    hide: tuple[str, ...] = ()
    reveal: tuple[str, ...] = ()
    mask: tuple[str, ...] = ()
    nproc: int = 512
    shm_mb: int = 64
    disk_mb: int = 256

    @property
    def mode(self) -> str:
        """The mode's name, its layers joined by ``+`` (``namespaces+uid+landlock``, ``userns``, ...)."""
        layers = (["userns"] if self.user_namespace else ["namespaces"] if self.namespaces else []) + (
            ["uid"] if self.uid is not None else []
        )
        layers += ["landlock"] if self.landlock else []
        return "+".join(layers) or "none"

    def to_json(self) -> dict:
        """The plan as JSON-ready data (it crosses to the fork server)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Plan:
        """Reads :meth:`to_json`'s form."""
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def enter(plan: Plan | None, *, base: str) -> None:
    """Confines the calling process (a fresh, single-threaded child) as ``plan`` says.

    Returns only in the worker, with every privilege dropped; the keeper (and init) stay in
    here until the worker ends, then exit with its status.

    Args:
        plan: The plan, or None for no confinement (a keeper is still made).
        base: The worker's own folder (its request, results, output FIFO and working folder).

    Raises:
        IsolationError: A step failed before the worker existed (nothing untrusted has run).
    """
    namespaces.prctl(namespaces.PR_SET_CHILD_SUBREAPER, 1)
    namespaces.prctl(namespaces.PR_SET_PDEATHSIG, signal.SIGKILL)  # the fork server (or grader) gone: so are we
    if plan is not None and plan.namespaces:
        uid, gid = os.getuid(), os.getgid()
        flags = namespaces.CLONE_NEWNS | namespaces.CLONE_NEWNET | namespaces.CLONE_NEWIPC | namespaces.CLONE_NEWPID
        namespaces.unshare(flags | (namespaces.CLONE_NEWUSER if plan.user_namespace else 0))
        if plan.user_namespace:
            namespaces.map_user(uid, gid)
        _mounts(plan, base)
        _fork_init()  # returns in PID 1's child: the worker
    else:
        _fork_keeper_child()
    _drop(plan, base)


def _fork_keeper_child() -> None:
    """Forks the worker; the keeper waits for it, kills what is left below itself, and exits."""
    pid = os.fork()
    if pid == 0:
        return
    code = _wait_for(pid)
    _kill_below(os.getpid())
    os._exit(code)


def _fork_init() -> None:
    """Forks PID 1 of the new PID namespace, which forks the worker; returns in the worker."""
    alive_r, alive_w = os.pipe()  # the keeper holds the write end: EOF means it is gone
    pid = os.fork()
    if pid:
        os.close(alive_r)
        code = _wait_for(pid)
        os._exit(code)
    os.close(alive_w)
    namespaces.prctl(namespaces.PR_SET_PDEATHSIG, signal.SIGKILL)
    if select.select([alive_r], [], [], 0)[0]:
        os._exit(70)  # the keeper died before the death signal was armed
    namespaces.mount_proc()
    worker = os.fork()
    if worker == 0:
        os.close(alive_r)
        return
    while True:  # PID 1: reap everything; end (and the namespace with it) when the worker ends
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(70)
        if pid == worker:
            os._exit(_exit_code(status))


def _wait_for(pid: int) -> int:
    """Waits for child ``pid`` (reaping any other child on the way); its exit code as a shell gives it."""
    while True:
        try:
            got, status = os.wait()
        except ChildProcessError:
            return 70
        if got == pid:
            return _exit_code(status)


def _exit_code(status: int) -> int:
    """A wait status as a shell gives it: the exit code, or 128 plus the signal that killed it."""
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def _kill_below(keeper: int) -> None:
    """Kills every process below ``keeper`` (orphans were reparented to it), until none is left."""
    from autograder.sandbox import processes

    for _ in range(1000):
        below = processes.descendants(keeper)
        for pid in below:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        if not below:
            return


def _mounts(plan: Plan, base: str) -> None:
    """The worker's view of the file system (see the module docstring)."""
    namespaces.make_private()
    keep = sorted({*plan.reveal, base})
    fds = {p: os.open(p, os.O_PATH | os.O_CLOEXEC) for p in keep if os.path.lexists(p)}
    try:
        owner = plan.uid
        scratch_mode = "1777"
        namespaces.tmpfs("/tmp", size=f"{plan.disk_mb}m", mode=scratch_mode, inodes=SCRATCH_FILES)
        _rebind("/tmp", keep, fds)
        if os.path.isdir("/var/tmp"):
            below = [p for p in keep if _under(p, "/var/tmp")]
            if below:
                namespaces.cover("/var/tmp", below, fds)
            else:
                os.mkdir("/tmp/.var-tmp", 0o1777)
                namespaces.mount("/tmp/.var-tmp", "/var/tmp", None, namespaces.MS_BIND)
        for folder in _masked(plan):
            namespaces.cover(folder, [p for p in keep if _under(p, folder)], fds)
        for path in plan.hide:
            if not any(_under(path, s) for s in SCRATCH):  # gone with the scratch mounts already
                namespaces.hide(path)
        work = os.path.join(base, "work")
        os.mkdir("/tmp/.work", 0o700)
        if owner is not None:
            os.chown("/tmp/.work", owner, owner)
        namespaces.mount("/tmp/.work", work, None, namespaces.MS_BIND)
        if os.path.isdir("/dev/shm"):  # shared memory is RAM that no process's resident set counts: cap it
            namespaces.tmpfs("/dev/shm", size=f"{plan.shm_mb}m", mode="1777", inodes=SCRATCH_FILES)
    finally:
        for fd in fds.values():
            os.close(fd)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _rebind(folder: str, keep: list[str], fds: dict[str, int]) -> None:
    """Binds the kept paths below ``folder`` back into it (after a fresh tmpfs covered it)."""
    for path in sorted(keep, key=len):
        if _under(path, folder) and path != folder and path in fds:
            target = Path(path)
            os.makedirs(target.parent, mode=0o755, exist_ok=True)
            if stat.S_ISDIR(os.fstat(fds[path]).st_mode):
                os.makedirs(target, mode=0o755, exist_ok=True)
            elif not target.exists():
                target.touch()
            namespaces.mount(f"/proc/self/fd/{fds[path]}", path, None, namespaces.MS_BIND | namespaces.MS_REC)


def _masked(plan: Plan) -> list[str]:
    """Folders shown with only what the worker needs below them, outermost first: those the
    worker's user could not enter (as root switching users) and the plan's ``mask``."""
    closed = set(_closed_ancestors(plan.reveal)) if plan.uid is not None else set()
    wanted = closed | {m for m in plan.mask if any(_under(r, m) for r in plan.reveal)}
    return sorted((f for f in wanted if not any(_under(f, s) for s in SCRATCH)), key=len)


def _closed_ancestors(paths: tuple[str, ...]) -> list[str]:
    """Folders on the way to ``paths`` that other users cannot traverse (``/root``)."""
    out = []
    for p in paths:
        parts = Path(p).parts
        for i in range(1, len(parts) - 1):
            folder = str(Path(*parts[: i + 1]))
            try:
                if not os.stat(folder).st_mode & stat.S_IXOTH:
                    out.append(folder)
            except OSError:
                break
    return out


def _drop(plan: Plan | None, base: str) -> None:
    """In the worker: every privilege dropped, the process allowance set, Landlock applied."""
    if plan is None:
        return
    if plan.uid is not None:  # root: a user of the worker's own
        resource.setrlimit(resource.RLIMIT_NPROC, (plan.nproc, plan.nproc))
        namespaces.drop_bounding_set()
        os.setgroups([])
        os.setgid(plan.uid)
        os.setuid(plan.uid)
    elif plan.user_namespace:  # a user namespace counts only its own processes
        resource.setrlimit(resource.RLIMIT_NPROC, (plan.nproc, plan.nproc))
        namespaces.drop_capabilities()
    else:  # the grader's own user: its processes now, plus the allowance
        allowance = _user_processes(os.getuid()) + plan.nproc
        resource.setrlimit(resource.RLIMIT_NPROC, (allowance, allowance))
        if os.geteuid() == 0:
            namespaces.drop_capabilities()
    namespaces.no_new_privs()
    if plan.landlock:
        landlock.restrict(
            read=[*SYSTEM_READ, *plan.reveal],
            write=[*(SCRATCH + ("/dev/shm",) if plan.namespaces else ()), base],
            write_files=["/dev/null"],
            version=plan.landlock,
        )
    if namespaces.capabilities_left():
        raise IsolationError(0, "a capability was left after dropping them all")


def _user_processes(uid: int) -> int:
    """The tasks (threads included: ``RLIMIT_NPROC`` counts them) of ``uid`` now."""
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                pass
    return count
