"""The Dask path grades like the local path, with the same result files."""

import json

import pytest
from toycourse import toy_submission

from autograder.batch import local as batch

distributed = pytest.importorskip("distributed")


def comparable(path):
    data = json.loads(path.read_text())
    assert "seconds" not in data  # a student's result.json carries no wall time
    for key in ("graded_at", "environment"):
        data.pop(key)
    return data


def test_dask_cluster_of_two_workers_matches_local_grading(toy_course):
    subs = toy_course / "subs"
    toy_submission(subs, "good")
    toy_submission(subs, "wrong", double="def double(x):\n    return x\n")
    toy_submission(subs, "crash", double="import os\ndef double(x):\n    os._exit(1)\n")
    (subs / "empty.ipynb").write_text("")
    local = batch.grade_many([subs], assignment="toy", root=toy_course, out=toy_course / "local")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = batch.grade_many(
            [subs], assignment="toy", root=toy_course, out=toy_course / "remote", scheduler=cluster.scheduler_address
        )
    assert sorted(r.submission for r in remote) == sorted(r.submission for r in local)
    for r in local:
        a = comparable(toy_course / "local" / r.submission / "toy" / "result.json")
        b = comparable(toy_course / "remote" / r.submission / "toy" / "result.json")
        assert a == b, r.submission
        staff = [(root / r.submission / "toy" / "staff.json") for root in (toy_course / "local", toy_course / "remote")]
        assert all(p.is_file() for p in staff), r.submission  # the staff record comes back too
        records = [json.loads(p.read_text()) for p in staff]
        for record in records:
            assert record["submission"].pop("seconds") >= 0  # the complete result, wall time included
        assert records[0] == records[1], r.submission


def test_a_dask_worker_killed_mid_batch_loses_nothing_and_grades_each_once(toy_course):
    import os
    import signal

    subs = toy_course / "subs"
    names = [f"s{i:02d}" for i in range(6)]
    for name in names:
        toy_submission(subs, name, double="import time\ndef double(x):\n    time.sleep(0.7)\n    return 2 * x\n")
    seen, killed = [], []
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        pids = client.run(os.getpid)

        def progress(done, total, result):
            seen.append(result.submission)
            if not killed:  # the first result is in: kill a worker that is grading one right now
                busy = {addr: keys for addr, keys in client.processing().items() if keys}
                addr = sorted(busy)[0]
                os.kill(pids[addr], signal.SIGKILL)
                killed.append(busy[addr])

        remote = batch.grade_many(
            [subs],
            assignment="toy",
            root=toy_course,
            out=toy_course / "remote",
            scheduler=cluster.scheduler_address,
            progress=progress,
        )
    assert killed and killed[0], "no worker was busy when one was killed"
    assert sorted(seen) == names  # reported once each
    assert sorted(r.submission for r in remote) == names and all(r.score == 6 for r in remote)
    for name in names:
        assert json.loads((toy_course / "remote" / name / "toy" / "result.json").read_text())["score"] == 6
    assert list((toy_course / "remote").rglob(".*.tmp")) == []
