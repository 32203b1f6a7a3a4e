"""Starting the student's worker with limits, watching it, and killing its whole process group.

The worker runs in its own session with a scrubbed environment and a private working directory.
Limits: wall time (a deadline per cell and per check, enforced here), memory (resident set of
every process below the worker's keeper, polled here, because ``RLIMIT_AS`` breaks TensorFlow),
disk (everything in the worker's own folder, polled here; its scratch space is a tmpfs of that
size where namespaces are had), open files, file size and output (only the first bytes of
stdout/stderr are kept, never parsed for verdicts).

Every limit is kept on the grader's own clock: each phase (startup, a cell, a check) has a budget
that restarts only when the worker's progress note names a later phase, and the worker as a whole
has a hard ceiling (the sum of its phases' budgets, or the submission's deadline, if sooner).
Nothing the worker writes can block the grader: its files are read through a directory
descriptor opened before it started, without following links or blocking, as regular files
under a size cap (:func:`read_worker_file`); anything else counts as no result.
"""

from __future__ import annotations

import dataclasses
import json
import os
import select
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from autograder.core import files, plaindata
from autograder.core.limits import Limits
from autograder.sandbox import determinism, processes
from autograder.sandbox.protocol import Ended, Phase, PhaseKind, RecordStatus, WorkerRequest


@dataclasses.dataclass
class WorkerRun:
    """What came back from one worker.

    Attributes:
        records: Probe records by check index (plain data, validated).
        cells: Cell records (plain data), or None if the worker died before finishing the cells.
        ended: How the worker ended.
        last_phase: The last phase the grader accepted from the worker's progress notes (always
            one of :meth:`Phases.order`).
        returncode: The worker's exit status (informative only, never a verdict).
        output: The first bytes of the worker's stdout and stderr.
        elapsed_s: Wall time.
    """

    records: dict
    cells: list | None
    ended: Ended
    last_phase: Phase
    returncode: int | None
    output: str
    elapsed_s: float


RESULT_MAX_BYTES = 64 * 2**20  # a check's or the cells' record; bigger is "no valid result"
PROGRESS_MAX_BYTES = 256
DISK_MAX_ENTRIES = 10000  # files and folders in a worker's own folder; more is over its disk budget
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

    The worker names its phase in ``progress`` (:meth:`Phase.note`); the grader moves on (and
    restarts the phase's clock) only when the note names a *later* phase than the current one, so
    rewriting the file, or writing garbage, never buys time.
    """

    cell_ids: tuple[str, ...]
    check_timeouts: tuple[float, ...]

    def order(self) -> list[Phase]:
        """Every phase, in order."""
        return (
            [Phase.start()]
            + [Phase.of_cell(c) for c in self.cell_ids]
            + [Phase.of_check(n) for n in range(len(self.check_timeouts))]
            + [Phase.done()]
        )

    def budget(self, phase: Phase, limits: Limits) -> float:
        """The grader's wall-time limit for one phase."""
        if phase.kind is PhaseKind.START:
            return limits.startup_s
        if phase.kind is PhaseKind.CELL:
            return 2 * limits.cell_timeout_s + GRACE_S  # a failing cell is re-run with definitions only
        if phase.kind is PhaseKind.CHECK:
            return self.check_timeouts[phase.check] + GRACE_S
        return GRACE_S  # done: writing the last file and exiting

    def ceiling(self, limits: Limits) -> float:
        """The most one worker may take, whatever it writes: the sum of every phase's budget."""
        return sum(self.budget(p, limits) for p in self.order())


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


def run_worker(
    request: WorkerRequest,
    *,
    limits: Limits,
    forkserver=None,
    confinement=None,
    deadline: float | None = None,
) -> WorkerRun:
    """Runs one worker on ``request`` and collects what it wrote.

    Args:
        request: The cells and checks for :mod:`autograder.sandbox.worker`.
        limits: Resource limits.
        forkserver: A :class:`autograder.sandbox.forkserver.ForkServer` to fork the worker from (fast), or
            None to start a new interpreter.
        confinement: An :class:`autograder.sandbox.confinement.Confinement` (own user, private mounts, no
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
    files.write_atomic(req_path, plaindata.dumps(request.to_plain(workdir=str(workdir))))
    phases = Phases(tuple(c.id for c in request.cells), tuple(float(c.timeout_s) for c in request.checks))
    uid = confinement.users.acquire() if confinement is not None and confinement.users is not None else None
    out_fd = os.open(outdir, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        return _run(
            base,
            req_path,
            outdir,
            out_fd,
            workdir,
            limits,
            phases,
            forkserver,
            _plan(confinement, uid, limits),
            deadline,
        )
    finally:
        os.close(out_fd)
        if uid is not None:
            processes.kill_user(uid)
            processes.remove_user_files(uid)
            confinement.users.release(uid)
        shutil.rmtree(base, ignore_errors=True)


def _plan(confinement, uid, limits: Limits):
    """One worker's plan: the batch's, with its user id and the assignment's sizes."""
    plan = confinement.plan_for(uid) if confinement is not None else None
    return dataclasses.replace(plan, disk_mb=int(limits.disk_mb)) if plan is not None else None


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
    base_fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        pid, proc, reader = _start(base, req_path, outdir, workdir, limits, forkserver, plan, output)
        watch = _Watch(
            phases, out_fd, start, base_fd=base_fd, from_depth=2 if plan is not None and plan.namespaces else 1
        )
        ended = watch.until_exit(pid, proc, limits=limits, hard_stop=hard_stop)
        processes.kill_tree(pid)
    finally:
        os.close(base_fd)
    if proc is not None:
        proc.wait()
    output.stop.set()
    reader.join(timeout=2)
    phase = watch.note()
    if ended is Ended.EXITED and phase.kind is not PhaseKind.DONE:
        ended = Ended.CRASHED
    records, cells_rec = _collect(out_fd, n_checks=len(phases.check_timeouts))
    returncode = proc.returncode if proc is not None else None
    return WorkerRun(
        records, cells_rec, ended, phase, returncode, output.kept.decode("utf-8", "replace"), time.monotonic() - start
    )


def _start(base, req_path, outdir, workdir, limits, forkserver, plan, output: _Output):
    """Starts the worker, forked from the fork server if there is one, else as a new interpreter.

    Returns:
        The pid of its keeper (:mod:`autograder.sandbox.isolation`), its ``Popen`` (None when
        forked) and the thread that drains its output.
    """
    job = {
        "request": str(req_path),
        "outdir": str(outdir),
        "workdir": str(workdir),
        "base": str(base),
        "fifo": None,
        "limits": dataclasses.asdict(limits),
        "plan": plan.to_json() if plan is not None else None,
    }
    if forkserver is not None:
        fifo = base / "output"
        os.mkfifo(fifo, 0o600)
        if plan is not None and plan.uid is not None:
            os.chown(fifo, plan.uid, plan.uid)
        # opened here, before the worker exists: a FIFO opened for reading without blocking needs no writer
        fifo_fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        reader = threading.Thread(target=output.drain_fd, args=(fifo_fd,), daemon=True)
        reader.start()
        pid = forkserver.fork({**job, "fifo": str(fifo)})
        if pid is not None:
            return pid, None, reader
        output.stop.set()
    proc = subprocess.Popen(
        [sys.executable, "-I", "-m", "autograder.sandbox.launch", json.dumps(job)],
        cwd=workdir,
        env=worker_environment(str(workdir)),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    reader = threading.Thread(target=output.drain_pipe, args=(proc.stdout,), daemon=True)
    reader.start()
    return proc.pid, proc, reader


class _Watch:
    """The grader's clock on one worker: the phase it is in, and since when."""

    def __init__(self, phases: Phases, out_fd: int, start: float, *, base_fd: int, from_depth: int):
        self.phases = phases
        self.out_fd = out_fd
        self.base_fd, self.from_depth = base_fd, from_depth
        self.rank = {p: n for n, p in enumerate(phases.order())}
        self.phase, self.since = Phase.start(), start

    def note(self) -> Phase:
        """The phase the progress file names, if it is a later one than the current phase."""
        raw = _progress_text(self.out_fd)
        named = Phase.parse(raw) if raw is not None else None
        if named is not None and self.rank.get(named, -1) > self.rank[self.phase]:
            return named
        return self.phase

    def until_exit(self, pid: int, proc, *, limits: Limits, hard_stop: float) -> Ended:
        """Polls the worker every 50 ms until it exits or breaks a limit (woken at once by its exit
        where the kernel has pidfds; memory and disk every 0.2 s); returns how it ended."""
        last_mem = 0.0
        exited = processes.exit_fd(pid) if proc is None else None
        try:
            while processes.alive(pid, proc):
                processes.wait_exit(exited, 0.05)
                now = time.monotonic()
                current = self.note()
                if current != self.phase:
                    self.phase, self.since = current, now
                if now - self.since > self.phases.budget(self.phase, limits) or now > hard_stop:
                    return Ended.TIMEOUT
                if now - last_mem > 0.2:
                    last_mem = now
                    if processes.tree_rss_kb(pid, from_depth=self.from_depth) > limits.memory_mb * 1024:
                        return Ended.MEMORY
                    used, entries = processes.folder_usage(self.base_fd, max_entries=DISK_MAX_ENTRIES)
                    if used > limits.disk_mb * 2**20 or entries > DISK_MAX_ENTRIES:
                        return Ended.DISK
            return Ended.EXITED
        finally:
            if exited is not None:
                os.close(exited)


def _progress_text(out_fd: int) -> str | None:
    """The worker's progress note as text, or None when there is no readable one."""
    raw = read_worker_file("progress", dir_fd=out_fd, cap=PROGRESS_MAX_BYTES)
    return raw.decode("utf-8", "replace") if raw is not None else None


def _collect(out_fd: int, *, n_checks: int) -> tuple[dict, list | None]:
    """The check records and the cells' record the worker left, each read safely."""
    records = {}
    for i in range(n_checks):
        data = read_worker_file(f"check-{i}.npz", dir_fd=out_fd, cap=RESULT_MAX_BYTES)
        if data is None:
            continue
        try:
            records[i] = plaindata.loads(data)
        except plaindata.PlainDataError as err:
            records[i] = {"status": RecordStatus.UNPLAIN.value, "message": f"the result could not be read ({err})"}
    cells_rec = None
    data = read_worker_file("cells.npz", dir_fd=out_fd, cap=RESULT_MAX_BYTES)
    if data is not None:
        try:
            cells_rec = plaindata.loads(data)
        except plaindata.PlainDataError:
            cells_rec = None
    return records, cells_rec
