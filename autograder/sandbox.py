"""Starting the student's worker with limits, watching it, and killing its whole process group.

The worker runs in its own session with a scrubbed environment and a private working directory.
Limits: wall time (a deadline per cell and per check, enforced here), memory (resident set of the
whole session, polled here, because ``RLIMIT_AS`` breaks TensorFlow), CPU time, open files, file
size and output (only the first bytes of stdout/stderr are kept, never parsed for verdicts).
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

from autograder import determinism, isolation, plaindata


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
        last_phase: The worker's last progress note, e.g. ``check 3`` or ``cell sigmoid``.
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

    def drain_fifo(self, path: Path) -> None:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            while True:
                ready, _, _ = select.select([fd], [], [], 0.1)
                chunk = os.read(fd, 65536) if ready else b""
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


def run_worker(request: dict, *, limits: Limits, n_checks: int, n_cells: int, forkserver=None, confinement=None) -> WorkerRun:
    """Runs one worker on ``request`` and collects what it wrote.

    Args:
        request: The plain-data request (cells and checks) for :mod:`autograder.worker`.
        limits: Resource limits.
        n_checks: Number of checks in the request.
        n_cells: Number of cells in the request.
        forkserver: A :class:`autograder.forkserver.ForkServer` to fork the worker from (fast), or
            None to start a new interpreter.
        confinement: An :class:`autograder.isolation.Confinement` (own user, private mounts, no
            network), or None to run as the grader's user.

    Returns:
        The records written before the worker ended, however it ended.
    """
    base = Path(tempfile.mkdtemp(prefix="autograder-"))
    outdir, workdir = base / "out", base / "work"
    outdir.mkdir()
    workdir.mkdir()
    req_path = base / "request.npz"
    plaindata.write_atomic(req_path, plaindata.dumps({**request, "workdir": str(workdir)}))
    uid = confinement.pool.acquire() if confinement is not None and confinement.pool is not None else None
    try:
        return _run(base, req_path, outdir, workdir, limits, n_checks, forkserver,
                    confinement.plan_for(uid) if confinement is not None else None)
    finally:
        if uid is not None:
            _kill_user(uid)
            remove_user_files(uid)
            confinement.pool.release(uid)
        shutil.rmtree(base, ignore_errors=True)


def _run(base, req_path, outdir, workdir, limits, n_checks, forkserver, plan) -> WorkerRun:
    if plan is not None and plan.uid is not None:
        for p in (base, req_path, outdir, workdir):
            os.chown(p, plan.uid, plan.uid)
        os.chmod(base, 0o700)
    output = _Output(limits.output_kb * 1024)
    start = time.monotonic()
    proc, pid = None, None
    if forkserver is not None:
        fifo = base / "output"
        os.mkfifo(fifo)
        if plan is not None and plan.uid is not None:
            os.chown(fifo, plan.uid, plan.uid)
        reader = threading.Thread(target=output.drain_fifo, args=(fifo,), daemon=True)
        reader.start()
        pid = forkserver.fork({"request": str(req_path), "outdir": str(outdir), "workdir": str(workdir),
                               "fifo": str(fifo), "limits": dataclasses.asdict(limits),
                               "plan": dataclasses.asdict(plan) if plan is not None else None})
        if pid is None:
            output.stop.set()
    if pid is None:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-m", "autograder.worker", str(req_path), str(outdir)],
            cwd=workdir, env=worker_environment(str(workdir)), stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_limit(limits, plan),
        )
        pid = proc.pid
        reader = threading.Thread(target=output.drain_pipe, args=(proc.stdout,), daemon=True)
        reader.start()
    ended, phase, phase_since = "exited", "start", start
    grace = 5.0
    last_mem = 0.0
    while _alive(pid, proc):
        time.sleep(0.05)
        now = time.monotonic()
        try:
            current = (outdir / "progress").read_text()
        except OSError:
            current = phase
        if current != phase:
            phase, phase_since = current, now
        if phase == "start":
            budget = limits.startup_s
        elif phase.startswith("cell"):
            budget = 2 * limits.cell_timeout_s + grace  # a failing cell may be re-run with definitions only
        else:
            budget = limits.check_timeout_s + grace
        if now - phase_since > budget:
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
    try:
        phase = (outdir / "progress").read_text()
    except OSError:
        pass
    if ended == "exited" and phase != "done":
        ended = "crashed"
    records = {}
    for i in range(n_checks):
        path = outdir / f"check-{i}.npz"
        if path.exists():
            try:
                records[i] = plaindata.loads(path.read_bytes())
            except plaindata.PlainDataError as err:
                records[i] = {"status": "unplain", "message": f"the result could not be read ({err})"}
    cells_rec = None
    if (outdir / "cells.npz").exists():
        try:
            cells_rec = plaindata.loads((outdir / "cells.npz").read_bytes())
        except plaindata.PlainDataError:
            cells_rec = None
    returncode = proc.returncode if proc is not None else None
    return WorkerRun(records, cells_rec, ended, phase, returncode, output.kept.decode("utf-8", "replace"), time.monotonic() - start)
