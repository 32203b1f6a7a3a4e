"""Reading what a worker left behind never blocks or follows a link; phases only move forward."""

import os
import threading
import time

import pytest

from autograder.core.limits import Limits
from autograder.sandbox import runner as sandbox
from autograder.sandbox.protocol import CellSource, CheckCall, Ended, Phase, WorkerRequest


@pytest.fixture()
def outdir(tmp_path):
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    yield tmp_path, fd
    os.close(fd)


def read_in_thread(name, fd, cap):
    box = []
    t = threading.Thread(target=lambda: box.append(sandbox.read_worker_file(name, dir_fd=fd, cap=cap)), daemon=True)
    t.start()
    t.join(timeout=5)
    assert not t.is_alive(), f"reading {name} blocked"
    return box[0]


def test_plain_file_is_read(outdir):
    path, fd = outdir
    (path / "check-0.npz").write_bytes(b"abc")
    assert read_in_thread("check-0.npz", fd, 10) == b"abc"


def test_fifo_symlink_hardlink_folder_and_huge_file_are_no_result(outdir, tmp_path_factory):
    path, fd = outdir
    os.mkfifo(path / "progress")
    writer = os.open(path / "progress", os.O_RDWR)  # a FIFO with a writer that never writes
    secret = tmp_path_factory.mktemp("elsewhere") / "secret"
    secret.write_bytes(b"instructor")
    (path / "cells.npz").symlink_to(secret)
    os.link(secret, path / "check-1.npz")
    (path / "check-2.npz").mkdir()
    with open(path / "check-3.npz", "wb") as fh:
        fh.truncate(11)
    for name in ("progress", "cells.npz", "check-1.npz", "check-2.npz", "check-3.npz", "absent"):
        assert read_in_thread(name, fd, 10) is None, name
    os.close(writer)


def test_a_renamed_folder_changes_nothing(outdir, tmp_path_factory):
    path, fd = outdir
    (path / "progress").write_text("check 0")
    moved = tmp_path_factory.mktemp("moved") / "out"
    os.rename(path, moved)
    os.symlink(tmp_path_factory.mktemp("decoy"), path)  # the old name now points elsewhere
    assert read_in_thread("progress", fd, 10) == b"check 0"


def test_a_progress_note_parses_to_its_phase_and_nothing_else_does():
    for phase in (
        Phase.start(),
        Phase.of_cell("sigmoid"),
        Phase.of_cell("a b"),
        Phase.of_check(0),
        Phase.of_check(12),
        Phase.done(),
    ):
        assert Phase.parse(phase.note()) == phase
    for garbage in (
        "",
        "cell",
        "cell ",
        "check",
        "check -1",
        "check 01",
        "check 1.0",
        "check x",
        "Done",
        "start ",
        "\x00",
    ):
        assert Phase.parse(garbage) is None, garbage


def test_phases_only_move_forward_and_the_ceiling_is_their_sum():
    phases = sandbox.Phases(("setup", "double"), (3.0, 4.0))
    assert [p.note() for p in phases.order()] == ["start", "cell setup", "cell double", "check 0", "check 1", "done"]
    limits = Limits(check_timeout_s=3, cell_timeout_s=2, startup_s=10)
    assert phases.budget(Phase.of_check(1), limits) == 4.0 + sandbox.GRACE_S
    assert (
        phases.ceiling(limits)
        == 10 + 2 * (4 + sandbox.GRACE_S) + (3 + sandbox.GRACE_S) + (4 + sandbox.GRACE_S) + sandbox.GRACE_S
    )


def _stalling_request(code: str, n_checks: int = 1) -> WorkerRequest:
    return WorkerRequest(
        cells=(CellSource("stall", code, "solution"),),
        checks=tuple(CheckCall(i, "f", {"ref": "autograder.checks.probes:call"}, {}, 0, 1.0) for i in range(n_checks)),
        cell_timeout_s=1.0,
    )


REWRITER = (
    "import os, signal, time\n"
    "def f():\n"
    "    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])\n"
    "    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
    "    out = os.path.join(os.getcwd(), '..', 'out')\n"
    "    notes = ['check 0', 'cell stall', 'start', 'garbage' * 100]\n"
    "    while True:\n"
    "        for n in notes:\n"
    "            try:\n"
    "                with open(os.path.join(out, '.p'), 'w') as fh:\n"
    "                    fh.write(n)\n"
    "                os.replace(os.path.join(out, '.p'), os.path.join(out, 'progress'))\n"
    "            except OSError:\n"
    "                pass\n"
    "            time.sleep(0.01)\n"
)


def test_rewriting_progress_buys_no_time():
    limits = Limits(check_timeout_s=1.0, cell_timeout_s=1.0, startup_s=20.0)
    started = time.monotonic()
    run = sandbox.run_worker(_stalling_request(REWRITER), limits=limits)
    elapsed = time.monotonic() - started
    assert (run.ended, run.last_phase) == (Ended.TIMEOUT, Phase.of_check(0))
    assert elapsed < 1.0 + sandbox.GRACE_S + 4.0, elapsed  # the check's budget, and the interpreter's start


def test_a_deadline_stops_a_worker_whatever_it_writes():
    limits = Limits(check_timeout_s=30.0, cell_timeout_s=30.0, startup_s=30.0)
    started = time.monotonic()
    run = sandbox.run_worker(_stalling_request(REWRITER), limits=limits, deadline=started + 4.0)
    assert run.ended == "timeout" and time.monotonic() - started < 6.0


def test_result_files_replaced_by_fifos_and_links_then_suicide_end_as_no_result():
    code = (
        "import os, signal\n"
        "def f():\n"
        "    out = os.path.join(os.getcwd(), '..', 'out')\n"
        "    for name in ('cells.npz', 'check-0.npz', 'progress'):\n"
        "        p = os.path.join(out, name)\n"
        "        try:\n"
        "            os.unlink(p)\n"
        "        except OSError:\n"
        "            pass\n"
        "    os.mkfifo(os.path.join(out, 'cells.npz'))\n"
        "    os.mkfifo(os.path.join(out, 'progress'))\n"
        "    os.symlink('/dev/zero', os.path.join(out, 'check-0.npz'))\n"
        "    os.open(os.path.join(out, 'progress'), os.O_RDWR)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    limits = Limits(check_timeout_s=2.0, cell_timeout_s=2.0, startup_s=20.0)
    box = []
    t = threading.Thread(
        target=lambda: box.append(sandbox.run_worker(_stalling_request(code), limits=limits)),
        daemon=True,
    )
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), "the grader blocked on a file the worker replaced"
    run = box[0]
    assert run.ended == "crashed" and run.records == {} and run.cells is None
