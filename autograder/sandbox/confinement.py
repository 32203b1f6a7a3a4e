"""Which confinement this host allows, found by trying it, and what the course requires.

:func:`confinement` tries the modes of :mod:`autograder.sandbox.isolation`, strongest first, each
by starting a real worker under it that checks what it must (the packages import; the hidden
paths are empty; no TCP connection can be made); the first that passes is the batch's mode, and
every stronger one that failed is kept with the reason and what the host would need for it.
:func:`require` refuses to grade when the mode is weaker than the course's ``sandbox.require``
(``full``: namespaces, as root or as an ordinary user; ``landlock``: at least Landlock; ``none``).
"""

from __future__ import annotations

import dataclasses
import errno
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from autograder.sandbox import landlock
from autograder.sandbox.isolation import Plan

FIRST_UID = 62000
LEVELS = ("full", "landlock", "none")
"""What a course may require, strongest first (``grading.yml``: ``sandbox: {require: LEVEL}``)."""


class SandboxUnavailable(RuntimeError):
    """The host cannot give the confinement the course requires; the message says what it lacks."""


@dataclasses.dataclass
class Confinement:
    """How a batch confines its workers.

    Attributes:
        mode: The mode's name (:attr:`autograder.sandbox.isolation.Plan.mode`).
        template: The plan, without its user id (None: no confinement).
        users: User ids for concurrent workers (None when not switching users).
        reason: Why the stronger modes could not be had (empty when the strongest was).
        lacks: What the host would need for each stronger mode, one line each.
        seen: What the trial worker of this mode saw of itself (:func:`run_probe`'s facts).
    """

    mode: str
    template: Plan | None
    users: WorkerUsers | None = None
    reason: str = ""
    lacks: tuple[str, ...] = ()
    seen: dict = dataclasses.field(default_factory=dict)

    def plan_for(self, uid: int | None) -> Plan | None:
        """The plan of one worker."""
        if self.template is None:
            return None
        return dataclasses.replace(self.template, uid=uid if self.template.uid is not None else None)

    @property
    def level(self) -> str:
        """The strongest level of :data:`LEVELS` this mode meets."""
        if self.template is not None and self.template.namespaces:
            return "full"
        if self.template is not None and self.template.landlock:
            return "landlock"
        return "none"


def meets(level: str, required: str) -> bool:
    """Whether a mode of ``level`` is at least as strong as ``required``."""
    return LEVELS.index(level) <= LEVELS.index(required)


def require(conf: Confinement, required: str) -> None:
    """Raises :class:`SandboxUnavailable` unless ``conf`` meets the course's requirement.

    The message names the mode had, why nothing stronger could be had, what the host needs for
    it, and how to lower the requirement knowingly.
    """
    if meets(conf.level, required):
        return
    lines = [
        f"workers cannot be confined as grading.yml requires (sandbox: {{require: {required}}}); "
        f"this host allows only '{conf.mode}': {conf.reason or 'no confinement'}",
        *(f"  - {line}" for line in conf.lacks),
        "  - or, knowing what a weaker mode lets student code do (README, Threat model), set "
        f"sandbox: {{require: {conf.level}}} in grading.yml",
    ]
    raise SandboxUnavailable("\n".join(lines))


def candidates(*, hide: tuple[str, ...], reveal: tuple[str, ...], mask: tuple[str, ...]) -> list[Plan]:
    """The modes to try on this host, strongest first."""
    abi = landlock.abi()
    root = os.geteuid() == 0
    base = Plan(uid=FIRST_UID if root else None, namespaces=True, user_namespace=not root, landlock=abi)
    base = dataclasses.replace(base, hide=hide, reveal=reveal, mask=mask)
    plans = [base, dataclasses.replace(base, landlock=0)] if abi else [base]
    weaker = dataclasses.replace(base, namespaces=False, user_namespace=False)
    plans += [weaker] + ([dataclasses.replace(weaker, uid=None)] if root and abi else [])  # Landlock alone, as root
    plans += [dataclasses.replace(weaker, landlock=0)]  # a user id of its own, nothing hidden
    return [p for p in dict.fromkeys(plans) if p.mode != "none"]


def confinement(*, hide: tuple[str, ...], jobs: int, mask: tuple[str, ...] = (), limits=None) -> Confinement:
    """Chooses the strongest confinement this host allows, by trying each mode with a real worker.

    Args:
        hide: Paths the workers must not see.
        jobs: Workers that may run at once (a user id each, as root).
        mask: Folders the workers see with only what they need below them (home, course).
        limits: The assignment's :class:`autograder.core.limits.Limits` (disk and shared-memory sizes).
    """
    reveal = tuple(str(p) for p in needed_paths())
    users = WorkerUsers(max(1, jobs) * 2) if os.geteuid() == 0 else None
    failed: list[tuple[Plan, str]] = []
    for plan in candidates(hide=hide, reveal=reveal, mask=mask):
        if limits is not None:
            plan = dataclasses.replace(plan, disk_mb=int(limits.disk_mb))
        why, seen = _try_as(plan, users)
        if not why:
            chosen = users if plan.uid is not None else None
            return Confinement(plan.mode, plan, chosen, _reason(failed), _lacks(failed, plan), seen)
        failed.append((plan, why))
    return Confinement("none", None, None, _reason(failed), _lacks(failed, None))


def _try_as(plan: Plan, users: WorkerUsers | None) -> tuple[str, dict]:
    if plan.uid is None:
        return _try(plan)
    uid = users.acquire()  # a claimed id: another grader's worker ending under an unclaimed one would kill the trial
    try:
        return _try(dataclasses.replace(plan, uid=uid))
    finally:
        users.release(uid)


def _reason(failed: list[tuple[Plan, str]]) -> str:
    return "; ".join(f"'{p.mode}' failed: {why}" for p, why in failed)


def _lacks(failed: list[tuple[Plan, str]], chosen: Plan | None) -> tuple[str, ...]:
    """What the host would need for the stronger modes that failed (nothing the chosen mode has)."""
    out = []
    if any(p.namespaces for p, _ in failed) and not (chosen is not None and chosen.namespaces):
        out.append(namespace_advice())
    if (any(p.landlock for p, _ in failed) or not landlock.abi()) and not (chosen is not None and chosen.landlock):
        out.append(
            "Landlock: "
            + (
                "refused by this host (a container's seccomp profile?)"
                if landlock.abi()
                else "not offered by this kernel: it needs Linux 5.13 or later with Landlock in its LSMs "
                "(CONFIG_SECURITY_LANDLOCK=y, 'landlock' in the lsm= boot parameter)"
            )
        )
    return tuple(out)


def namespace_advice() -> str:
    """What an ordinary user needs for namespaces on this host, from the settings that refuse them."""
    if os.geteuid() == 0:
        return "namespaces as root: mount and network namespaces (a container needs CAP_SYS_ADMIN, e.g. --privileged)"
    settings = {
        "/proc/sys/user/max_user_namespaces": ("0", "sysctl -w user.max_user_namespaces=15000"),
        "/proc/sys/kernel/unprivileged_userns_clone": ("0", "sysctl -w kernel.unprivileged_userns_clone=1"),
        "/proc/sys/kernel/apparmor_restrict_unprivileged_userns": (
            "1",
            "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile allowing userns for Python",
        ),
    }
    found = []
    for path, (refusing, fix) in settings.items():
        try:
            if Path(path).read_text().strip() == refusing:
                found.append(f"{path} is {refusing} (an administrator can run: {fix})")
        except OSError:
            continue
    return "user namespaces for an ordinary user: " + (
        "; ".join(found)
        or "refused (a container's seccomp profile blocks unshare(CLONE_NEWUSER)?); or run the grader as root"
    )


_PROBE_TIMEOUT_S = 60


def _try(plan: Plan) -> tuple[str, dict]:
    """Runs a real worker under ``plan`` that checks its confinement.

    Returns:
        '' if it holds, else why not; and what the worker saw of itself (:func:`run_probe`).
    """
    base = Path(tempfile.mkdtemp(prefix="autograder-probe-"))
    try:
        (base / "work").mkdir()
        if plan.uid is not None:
            for p in (base, base / "work"):
                os.chown(p, plan.uid, plan.uid)
        job = {
            "request": "",
            "outdir": "",
            "workdir": str(base / "work"),
            "base": str(base),
            "fifo": None,
            "limits": {"file_mb": 64, "open_files": 1024},
            "plan": plan.to_json(),
            "probe": {
                "hidden": list(plan.hide[:8]) if plan.namespaces or plan.landlock else [],
                "namespaces": plan.namespaces,
                "landlock": plan.landlock,
            },
        }
        try:
            proc = subprocess.run(
                [sys.executable, "-I", "-m", "autograder.sandbox.launch", json.dumps(job)],
                cwd=base,
                capture_output=True,
                text=True,
                timeout=_PROBE_TIMEOUT_S,
                env={"PATH": "/usr/bin:/bin", "HOME": str(base)},
                start_new_session=True,
            )
        except (subprocess.SubprocessError, OSError) as err:
            return f"{type(err).__name__}: {err}", {}
    finally:
        shutil.rmtree(base, ignore_errors=True)
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    if proc.returncode == 0 and last.startswith("confined "):
        return "", json.loads(last.partition(" ")[2])
    lines = [line for line in (proc.stderr + proc.stdout).strip().splitlines() if line.strip()]
    return (lines[-1] if lines else f"the trial worker exited with status {proc.returncode}"), {}


def run_probe(probe: dict) -> int:
    """In the trial worker: checks what the plan promises; if it holds, prints ``confined`` and what
    it sees of itself as JSON (:func:`facts`) and returns 0."""
    import numpy  # noqa: F401  the packages are reachable

    import autograder.sandbox.worker  # noqa: F401

    for path in probe["hidden"]:
        try:
            if os.path.isdir(path) and os.listdir(path):
                raise SystemExit(f"{path} is still visible")
            if os.path.isfile(path) and open(path, "rb").read(1):
                raise SystemExit(f"{path} is still readable")
        except OSError:
            pass
    if probe["namespaces"] or probe["landlock"] >= 4:
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=1).close()
            raise SystemExit("a TCP connection to the loopback interface was made")
        except OSError as err:
            if err.errno == errno.ECONNREFUSED:
                raise SystemExit("TCP still reaches the loopback interface") from None
    print("confined " + json.dumps(facts(probe["hidden"])), flush=True)
    return 0


def facts(hidden: list[str]) -> dict:
    """What a worker sees of itself: its ids, capabilities and ``no_new_privs``, its pid and how many
    processes it can see, the sizes of its ``/tmp`` and ``/dev/shm``, whether the hidden paths and
    the loopback interface are reachable, and whether it can write outside its folder."""
    status = dict(line.split(":\t", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":\t" in line)

    def size_mb(path: str) -> float | None:
        try:
            st = os.statvfs(path)
            return round(st.f_blocks * st.f_frsize / 2**20, 1)
        except OSError:
            return None

    try:
        socket.create_connection(("127.0.0.1", 9), timeout=1).close()
        network = "connected"
    except OSError as err:
        network = errno.errorcode.get(err.errno, str(err.errno))
    return {
        "uid": os.getuid(),
        "capabilities": status.get("CapEff", "").strip(),
        "no_new_privs": status.get("NoNewPrivs", "").strip(),
        "pid": os.getpid(),
        "processes_visible": sum(1 for p in os.listdir("/proc") if p.isdigit()),
        "tmp_mb": size_mb("/tmp"),
        "shm_mb": size_mb("/dev/shm"),
        "hidden_readable": [p for p in hidden if _readable(p)],
        "loopback": network,
        "etc_writable": os.access("/etc", os.W_OK) and _writes("/etc"),
    }


def _readable(path: str) -> bool:
    try:
        if os.path.isdir(path):
            return bool(os.listdir(path))
        with open(path, "rb") as fh:
            return bool(fh.read(1))
    except OSError:
        return False


def _writes(folder: str) -> bool:
    try:
        with tempfile.NamedTemporaryFile(dir=folder):
            return True
    except OSError:
        return False


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
    """What every worker must reach: the interpreter, its libraries, and the installed packages
    (site folders, those added by ``.pth`` files included; never a script's folder or the current one)."""
    import site
    import sysconfig

    import autograder

    paths = {Path(sys.base_prefix), Path(sys.prefix), Path(sys.executable).parent, Path(autograder.__file__).parent}
    paths.update(Path(sysconfig.get_paths()[k]) for k in ("stdlib", "platstdlib", "purelib", "platlib"))
    paths.update(Path(p) for p in site.getsitepackages())
    paths.update(Path(p) for p in sys.path if p and Path(p).name in ("site-packages", "dist-packages"))
    try:
        import coursedata

        paths.update(Path(p) for p in coursedata.__path__ if os.path.isabs(p) and os.path.isdir(p))
    except ImportError:
        pass
    return sorted({p.resolve() for p in paths if p.is_dir()})


class WorkerUsers:
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
