"""Worker user ids are never shared, not even between two graders on one machine."""

import multiprocessing

from autograder.sandbox.confinement import WorkerUsers


def _take_one(first, lock_dir, taken, done):
    WorkerUsers.LOCK_DIR = lock_dir
    taken.put(WorkerUsers(1, first=first).acquire())
    done.wait(30)  # hold the id until the parent has taken its own


def test_two_pools_in_one_process_never_hand_out_the_same_id(tmp_path, monkeypatch):
    monkeypatch.setattr(WorkerUsers, "LOCK_DIR", tmp_path / "locks")
    a, b = WorkerUsers(2, first=70000), WorkerUsers(2, first=70000)
    taken = [a.acquire(), b.acquire(), a.acquire(), b.acquire()]
    assert len(set(taken)) == 4
    a.release(taken[0])
    assert WorkerUsers(1, first=70000).acquire() == taken[0]  # a released id is free again for anyone


def test_an_id_held_by_another_process_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(WorkerUsers, "LOCK_DIR", tmp_path / "locks")
    ctx = multiprocessing.get_context("fork")
    taken, done = ctx.Queue(), ctx.Event()
    child = ctx.Process(target=_take_one, args=(71000, tmp_path / "locks", taken, done))
    child.start()
    theirs = taken.get(timeout=30)
    ours = WorkerUsers(1, first=71000).acquire()
    done.set()
    child.join(timeout=30)
    assert (theirs, ours) == (71000, 71001)
