"""The Dask path grades like the local path, with the same result files."""

import json

import pytest

from autograder import batch
from toycourse import toy_submission

distributed = pytest.importorskip("distributed")


def comparable(path):
    data = json.loads(path.read_text())
    for key in ("graded_at", "seconds", "environment"):
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
        remote = batch.grade_many([subs], assignment="toy", root=toy_course, out=toy_course / "remote", scheduler=cluster.scheduler_address)
    assert sorted(r.submission for r in remote) == sorted(r.submission for r in local)
    for r in local:
        a = comparable(toy_course / "local" / r.submission / "toy" / "result.json")
        b = comparable(toy_course / "remote" / r.submission / "toy" / "result.json")
        assert a == b, r.submission
        staff = [(root / r.submission / "toy" / "staff.json") for root in (toy_course / "local", toy_course / "remote")]
        assert [p.is_file() for p in staff] == [bool(r.staff)] * 2, r.submission  # the staff record comes back too
        if r.staff:
            assert staff[0].read_text() == staff[1].read_text(), r.submission
