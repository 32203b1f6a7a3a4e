"""One timed ``autograder.batch.local.grade_many`` call, run by ``bench/run.py`` in a process of its own.

A separate process per configuration keeps each run's grader memory (its VmHWM) and imports apart
from the others and from the benchmark's own sampler. Usage (internal)::

    python bench/_grade_child.py SPEC.json

SPEC holds ``paths``, ``assignment``, ``root``, ``out``, ``jobs``, ``result`` (where this writes
its JSON), ``pool`` (where the term's expected values are kept) and ``dask_workers``: when above 0,
a local Dask cluster of that many single-threaded worker processes is started first (not timed)
and ``grade_many`` grades on it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    t_import = time.perf_counter()
    from autograder.batch import local as batch

    imported = time.perf_counter() - t_import
    done_at: list[float] = []

    def progress(done, total, result):
        done_at.append(time.perf_counter())

    cluster = None
    scheduler = None
    if int(spec.get("dask_workers") or 0) > 0:
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=int(spec["dask_workers"]), threads_per_worker=1, processes=True, dashboard_address=None
        )
        scheduler = cluster.scheduler_address
    start = time.perf_counter()
    try:
        results = batch.grade_many(
            [Path(p) for p in spec["paths"]],
            assignment=spec["assignment"],
            root=Path(spec["root"]),
            out=Path(spec["out"]),
            jobs=int(spec["jobs"]),
            fast=True,
            isolate=True,
            progress=progress,
            scheduler=scheduler,
            pool=Path(spec["pool"]) if spec.get("pool") else None,
        )
        wall = time.perf_counter() - start
    finally:
        if cluster is not None:
            cluster.close()
    with open("/proc/self/status") as fh:
        status = dict(line.split(":", 1) for line in fh if ":" in line)
    out = {
        "wall_s": wall,
        "import_s": imported,
        "completed_at_s": [t - start for t in done_at],
        "grader_vmhwm_kb": int(status["VmHWM"].split()[0]),
        "results": [
            {
                "submission": r.submission,
                "score": r.score,
                "max_score": r.max_score,
                "status": r.status,
                "seconds": r.seconds,
                "sandbox": r.environment.get("sandbox"),
                "tensorflow": r.environment.get("tensorflow"),
                "points": {c.id: c.points for c in r.checks},
            }
            for r in results
        ],
    }
    Path(spec["result"]).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
