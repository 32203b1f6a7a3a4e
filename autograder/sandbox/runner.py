"""Starting the student's worker with limits, watching it, and killing its whole process group.

The worker runs in its own session with a scrubbed environment and a private working directory.
Limits: wall time (a deadline per cell and per check, enforced here), memory (resident set of the
whole session, polled here, because ``RLIMIT_AS`` breaks TensorFlow), CPU time, open files, file
size and output (only the first bytes of stdout/stderr are kept, never parsed for verdicts).

Every limit is kept on the grader's own clock: each phase (startup, a cell, a check) has a budget
that restarts only when the worker's progress note names a later phase, and the worker as a whole
has a hard ceiling (the sum of its phases' budgets, or the submission's deadline, if sooner).
Nothing the worker writes can block the grader: its files are read through a directory
descriptor opened before it started, without following links or blocking, as regular files
under a size cap (:func:`read_worker_file`); anything else counts as no result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import resource
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from autograder.sandbox import determinism, isolation
from autograder.model import plaindata


@dataclasses.dataclass(frozen=True)
class Limits:
    """Resource limits of one worker.

    Attributes:
        check_timeout_s: Wall time per check.
        cell_timeout_s: Wall time per notebook cell.
        startup_s: Extra wall time for the interpreter and imports.
        memory_mb: Resident memory of the worker's whole process group.
        output_kb: Student output kept (the rest is discarded).
        file_mb: Largest file the worker may write.
        open_files: Open file descriptors.
    """

    check_timeout_s: float = 60.0
    cell_timeout_s: float = 30.0
    startup_s: float = 30.0
    memory_mb: int = 4096
    output_kb: int = 64
    file_mb: int = 64
    open_files: int = 1024


@dataclasses.dataclass
class WorkerRun:
    """What came back from one worker.

    Attributes:
        records: Probe records by check index (plain data, validated).
        cells: Cell records (plain data), or None if the worker died before finishing the cells.
        ended: ``exited``, ``timeout``, ``memory`` or ``crashed``.
        last_phase: The last phase the grader accepted from the worker's progress notes, e.g.
            ``check 3`` or ``cell sigmoid`` (always one of :meth:`Phases.names`).
        returncode: The worker's exit status (informative only, never a verdict).
        output: The first bytes of the worker's stdout and stderr.
        elapsed_s: Wall time.
    """

    records: dict
    cells: list | None
    ended: str
    last_phase: str
    returncode: int | None
    output: str
    elapsed_s: float


RESULT_MAX_BYTES = 64 * 2**20  # a check's or the cells' record; bigger is "no valid result"
PROGRESS_MAX_BYTES = 256
GRACE_S = 5.0  # beyond a phase's own limit: the worker's alarm fires first, this is the grader's backstop


def read_worker_file(name: str, *, dir_fd: int, cap: int) -> bytes | None:
    """Reads a file the worker wrote, never blocking and never following a link.

    The file is opened relative to a directory descriptor the grader opened before the worker
    started (so a renamed or replaced folder changes nothing), with ``O_NOFOLLOW | O_NONBLOCK``;
    it must be a regular file with one link and at most ``cap`` bytes, read with that bound.

    Returns:
        The bytes, or None for anything else (missing, a link, a FIFO, a device, a folder, too big).
    """
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_nlink != 1 or st.st_size > cap:
            return None
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(1 << 20, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return None if total > cap else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


@dataclasses.dataclass(frozen=True)
class Phases:
    """The worker's phases in the only order the grader accepts: start, each cell, each check, done.

    The worker names its phase in ``progress`` (``cell <id>``, ``check <n>``, ``done``); the grader
    moves on (and restarts the phase's clock) only when the note names a *later* phase than the
    current one, so rewriting the file, or writing garbage, never buys time.
    """

    cell_ids: tuple[str, ...]
    check_timeouts: tuple[float, ...]

    def names(self) -> list[str]:
        """Every phase's note, in order."""
        return (["start"] + [f"cell {c}" for c in self.cell_ids] + [f"check {n}" for n in range(len(self.check_timeouts))]
                + ["done"])

    def budget(self, phase: str, limits: "Limits") -> float:
        """The grader's wall-time limit for one phase."""
        if phase == "start":
            return limits.startup_s
        if phase.startswith("cell "):
            return 2 * limits.cell_timeout_s + GRACE_S  # a failing cell is re-run with definitions only
        if phase.startswith("check "):
            return self.check_timeouts[int(phase[6:])] + GRACE_S
        return GRACE_S  # done: writing the last file and exiting

    def ceiling(self, limits: "Limits") -> float:
        """The most one worker may take, whatever it writes: the sum of every phase's budget."""
        return sum(self.budget(p, limits) for p in self.names())


def _session_rss_kb(sid: int) -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            if int(fields[3]) == sid:  # field 6 (session) after pid and comm
                total += int(fields[21]) * (resource.getpagesize() // 1024)  # field 24: rss pages
        except (OSError, IndexError, ValueError):
            continue
    return total


def _kill_user(uid: int) -> None:
    """Kills every process of a worker's own user (daemons that left the session included), again
    and again until none is left: a fork bomb can make new ones while a pass is under way."""
    for _ in range(100):
        found = False
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    if os.stat(f"/proc/{entry.name}").st_uid == uid and _alive(int(entry.name), None):
                        os.kill(int(entry.name), signal.SIGKILL)
                        found = True
                except OSError:
                    continue
        if not found:
            return
        time.sleep(0.01)


SHARED_TMP = ("/tmp", "/var/tmp", "/dev/shm")


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


def _kill_session(sid: int) -> None:
    try:
        os.killpg(sid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    for entry in os.scandir("/proc"):  # processes that left the group but not the session
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    if int(fh.read().rsplit(b")", 1)[1].split()[3]) == sid:
                        os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, IndexError, ValueError):
                continue


def worker_environment(home: str) -> dict:
    """A scrubbed environment: no grader secrets, the determinism policy, one thread per op pool."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TMPDIR": home,
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "TF_NUM_INTEROP_THREADS": "1",
        "TF_NUM_INTRAOP_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return determinism.set_environment(env)


def _limit(limits: Limits, plan=None):
    def preexec():
        if plan is not None:
            isolation.enter(plan)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_mb * 2**20, limits.file_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return preexec


class _Output:
    """Keeps the first bytes of a worker's output, drains and discards the rest."""

    def __init__(self, cap: int):
        self.cap = cap
        self.kept = bytearray()
        self.stop = threading.Event()

    def keep(self, chunk: bytes) -> None:
        if len(self.kept) < self.cap:
            self.kept.extend(chunk[: self.cap - len(self.kept)])

    def drain_pipe(self, pipe) -> None:
        while chunk := pipe.read(65536):
            self.keep(chunk)

    def drain_fd(self, fd: int) -> None:
        """Reads a non-blocking descriptor (the worker's output FIFO) until told to stop; closes it."""
        try:
            while True:
                ready, _, _ = select.select([fd], [], [], 0.1)
                try:
                    chunk = os.read(fd, 65536) if ready else b""
                except BlockingIOError:
                    chunk = b""
                if chunk:
                    self.keep(chunk)
                elif self.stop.is_set():
                    return
                else:
                    time.sleep(0.02)
        finally:
            os.close(fd)


def _alive(pid: int, proc) -> bool:
    if proc is not None:
        return proc.poll() is None
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def run_worker(request: dict, *, limits: Limits, n_checks: int, n_cells: int, forkserver=None, confinement=None,
               deadline: float | None = None) -> WorkerRun:
    """Runs one worker on ``request`` and collects what it wrote.

    Args:
        request: The plain-data request (cells and checks) for :mod:`autograder.sandbox.worker`.
        limits: Resource limits.
        n_checks: Number of checks in the request (the request's own list is what counts).
        n_cells: Number of cells in the request (likewise).
        forkserver: A :class:`autograder.sandbox.forkserver.ForkServer` to fork the worker from (fast), or
            None to start a new interpreter.
        confinement: An :class:`autograder.sandbox.isolation.Confinement` (own user, private mounts, no
            network), or None to run as the grader's user.
        deadline: A ``time.monotonic()`` instant the worker is stopped at in any case (the
            submission's ceiling); the worker's own ceiling (every phase's budget) applies too.

    Returns:
        The records written before the worker ended, however it ended.
    """
    base = Path(tempfile.mkdtemp(prefix="autograder-"))
    outdir, workdir = base / "out", base / "work"
    outdir.mkdir()
    workdir.mkdir()
    req_path = base / "request.npz"
    plaindata.write_atomic(req_path, plaindata.dumps({**request, "workdir": str(workdir)}))
    phases = Phases(tuple(c["id"] for c in request["cells"]),
                    tuple(float(c.get("timeout_s", limits.check_timeout_s)) for c in request["checks"]))
    uid = confinement.pool.acquire() if confinement is not None and confinement.pool is not None else None
    out_fd = os.open(outdir, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        return _run(base, req_path, outdir, out_fd, workdir, limits, phases, forkserver,
                    confinement.plan_for(uid) if confinement is not None else None, deadline)
    finally:
        os.close(out_fd)
        if uid is not None:
            _kill_user(uid)
            remove_user_files(uid)
            confinement.pool.release(uid)
        shutil.rmtree(base, ignore_errors=True)


def _run(base, req_path, outdir, out_fd, workdir, limits, phases: Phases, forkserver, plan, deadline) -> WorkerRun:
    if plan is not None and plan.uid is not None:
        for p in (base, req_path, outdir, workdir):
            os.chown(p, plan.uid, plan.uid)
        os.chmod(base, 0o700)
    output = _Output(limits.output_kb * 1024)
    start = time.monotonic()
    hard_stop = start + phases.ceiling(limits)
    if deadline is not None:
        hard_stop = min(hard_stop, deadline)
    order = {name: n for n, name in enumerate(phases.names())}
    proc, pid = None, None
    if forkserver is not None:
        fifo = base / "output"
        os.mkfifo(fifo, 0o600)
        if plan is not None and plan.uid is not None:
            os.chown(fifo, plan.uid, plan.uid)
        # opened here, before the worker exists: a FIFO opened for reading without blocking needs no writer
        fifo_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        reader = threading.Thread(target=output.drain_fd, args=(fifo_fd,), daemon=True)
        reader.start()
        pid = forkserver.fork({"request": str(req_path), "outdir": str(outdir), "workdir": str(workdir),
                               "fifo": str(fifo), "limits": dataclasses.asdict(limits),
                               "plan": dataclasses.asdict(plan) if plan is not None else None})
        if pid is None:
            output.stop.set()
    if pid is None:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-m", "autograder.sandbox.worker", str(req_path), str(outdir)],
            cwd=workdir, env=worker_environment(str(workdir)), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_limit(limits, plan),
        )
        pid = proc.pid
        reader = threading.Thread(target=output.drain_pipe, args=(proc.stdout,), daemon=True)
        reader.start()
    ended, phase, phase_since = "exited", "start", start
    last_mem = 0.0

    def note() -> str:
        """The phase the progress file names, if it is a later one than the current phase."""
        raw = read_worker_file("progress", dir_fd=out_fd, cap=PROGRESS_MAX_BYTES)
        text = raw.decode("utf-8", "replace") if raw is not None else ""
        return text if order.get(text, -1) > order[phase] else phase

    while _alive(pid, proc):
        time.sleep(0.05)
        now = time.monotonic()
        current = note()
        if current != phase:
            phase, phase_since = current, now
        if now - phase_since > phases.budget(phase, limits) or now > hard_stop:
            ended = "timeout"
            break
        if now - last_mem > 0.2:
            last_mem = now
            if _session_rss_kb(pid) > limits.memory_mb * 1024:
                ended = "memory"
                break
    _kill_session(pid)
    if proc is not None:
        proc.wait()
    output.stop.set()
    reader.join(timeout=2)
    phase = note()
    if ended == "exited" and phase != "done":
        ended = "crashed"
    records = {}
    for i in range(len(phases.check_timeouts)):
        data = read_worker_file(f"check-{i}.npz", dir_fd=out_fd, cap=RESULT_MAX_BYTES)
        if data is None:
            continue
        try:
            records[i] = plaindata.loads(data)
        except plaindata.PlainDataError as err:
            records[i] = {"status": "unplain", "message": f"the result could not be read ({err})"}
    cells_rec = None
    data = read_worker_file("cells.npz", dir_fd=out_fd, cap=RESULT_MAX_BYTES)
    if data is not None:
        try:
            cells_rec = plaindata.loads(data)
        except plaindata.PlainDataError:
            cells_rec = None
    returncode = proc.returncode if proc is not None else None
    return WorkerRun(records, cells_rec, ended, phase, returncode, output.kept.decode("utf-8", "replace"), time.monotonic() - start)
