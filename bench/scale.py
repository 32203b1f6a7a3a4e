"""Cost per submission against batch size, on a cheap synthetic assignment.

    .venv/bin/python bench/scale.py [--sizes 10 100 1000] [--jobs 2] [--out bench/results-scale.md]

The assignment is the test suite's numpy-only toy course (``tests/toycourse.py``: two public
checks and one hidden check), written into a temporary folder, so that what is measured is the
grader's own cost per submission (fork, confinement, cells twice, transport, judging) and whether
it stays flat as the batch grows. Each size is one ``grade_many`` call (``bench/_grade_child.py``,
fast=True, isolate=True) on that many submissions cycling through the reference, a wrong answer and
the blank stubs, each under its own student id. Reported: wall s per submission, the steady rate
(from the first result to the last) and the median engine seconds per submission, with the ratio
of each size's steady cost to the smallest size's.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def make_batch(course: Path, n: int, label: str) -> list[Path]:
    """``n`` toy submissions under ``course/submitted-<label>/<student>/toy/toy.ipynb``."""
    sys.path.append(str(ROOT / "tests"))
    import toycourse

    variants = {
        "reference": {},
        "wrong": {"double": "def double(x):\n    return x + x + 1\n"},
        "blank": {k: v for k, v in toycourse.TOY_STUBS.items()},
    }
    names = list(variants)
    paths = []
    for i in range(n):
        v = names[i % len(names)]
        folder = course / f"submitted-{label}" / f"s{i + 1:04d}" / "toy"
        paths.append(toycourse.toy_submission(folder, "toy", **variants[v]))
    return paths


def run_size(course: Path, n: int, jobs: int, work: Path) -> dict:
    paths = make_batch(course, n, str(n))
    spec = {
        "paths": [str(p) for p in paths],
        "assignment": "toy",
        "root": str(course),
        "out": str(work / f"out-{n}"),
        "jobs": jobs,
        "result": str(work / f"result-{n}.json"),
        "dask_workers": 0,
    }
    spec_path = work / f"spec-{n}.json"
    spec_path.write_text(json.dumps(spec))
    print(f"[scale] {n} submissions, {jobs} workers ...", file=sys.stderr, flush=True)
    load = os.getloadavg()
    proc = subprocess.run(
        [sys.executable, str(BENCH / "_grade_child.py"), str(spec_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=7200,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"grading failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    res = json.loads(Path(spec["result"]).read_text())
    done = sorted(res["completed_at_s"])
    seconds = [r["seconds"] for r in res["results"]]
    scores = {}
    for r, p in zip(res["results"], paths):
        scores.setdefault(r["score"], 0)
        scores[r["score"]] += 1
    row = {
        "n": n,
        "jobs": jobs,
        "wall_s": res["wall_s"],
        "wall_s_per_sub": res["wall_s"] / n,
        "first_result_s": done[0],
        "steady_s_per_sub": (done[-1] - done[0]) / (n - 1) if n > 1 else None,
        "median_s": float(np.median(seconds)),
        "p90_s": float(np.percentile(seconds, 90)),
        "statuses": sorted({r["status"] for r in res["results"]}),
        "score_counts": scores,
        "loadavg_before": load,
        "loadavg_after": os.getloadavg(),
    }
    print(
        f"[scale]   {row['wall_s']:.1f} s, steady {row['steady_s_per_sub']:.3f} s per submission",
        file=sys.stderr,
        flush=True,
    )
    return row


def render(report: dict) -> str:
    rows = report["rows"]
    base = rows[0]["steady_s_per_sub"]
    lines = [
        f"# Cost per submission against batch size ({report['started']})",
        "",
        f"Command: `{report['command']}`. Machine: {os.cpu_count()} cores, shared; `uptime` before: "
        f"`{report['uptime_before']}`, after: `{report['uptime_after']}`.",
        "",
        "Assignment: the numpy-only toy course of `tests/toycourse.py` (2 public checks, 1 hidden), submissions "
        "cycling through reference, a wrong answer and the blank stubs.",
        "",
        "| submissions | workers | wall s | wall s / submission | first result s | steady s / submission "
        "| steady / smallest batch | median engine s / submission | p90 | statuses | scores (score: count) | load avg before → after |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['jobs']} | {r['wall_s']:.1f} | {r['wall_s_per_sub']:.3f} | {r['first_result_s']:.1f} | "
            f"{r['steady_s_per_sub']:.3f} | {r['steady_s_per_sub'] / base:.2f} | {r['median_s']:.3f} | {r['p90_s']:.3f} | "
            f"{', '.join(r['statuses'])} | {', '.join(f'{k:g}: {v}' for k, v in sorted(r['score_counts'].items()))} | "
            f"{r['loadavg_before'][0]:.2f} → {r['loadavg_after'][0]:.2f} |"
        )
    worst = max(abs(r["steady_s_per_sub"] / base - 1) for r in rows)
    lines += [
        "",
        f"Largest change of the steady cost per submission against the smallest batch: {worst:.0%} "
        f"({'flat within 15%' if worst <= 0.15 else 'not flat within 15%'}; the machine is shared, so part of it is load).",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", type=int, default=[10, 100, 1000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=BENCH / "results-scale.md")
    args = ap.parse_args(argv)
    if min(args.sizes) < 2:
        ap.error("every size must be at least 2")
    sys.path.append(str(ROOT / "tests"))
    import toycourse

    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    report = {
        "started": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/scale.py", *(argv or sys.argv[1:])]),
        "uptime_before": uptime,
        "rows": [],
    }
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    os.chmod(work, 0o755)
    try:
        course = toycourse.make_course(work / "course")
        t0 = time.perf_counter()
        for n in sorted(args.sizes):
            report["rows"].append(run_size(course, n, args.jobs, work))
        report["total_s"] = time.perf_counter() - t0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["uptime_after"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    md = render(report)
    args.out.write_text(md)
    args.out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str))
    print(md)


if __name__ == "__main__":
    main()
