"""Grading throughput benchmark: autograder (1 and 2 workers) against real ``nbgrader autograde``.

    .venv/bin/python bench/run.py [--assignments a1_perceptron ...] [--n 20] [--nbgrader-n 4]

For each assignment (default: every one with a release in ``assignments/``):

1. N submissions, cycling through the reference and the typical mistakes of
   ``autograder.audit.examples.build`` (the blank release is left out), each under its own student id
   in nbgrader's layout ``submitted/<student>/<assignment>/<assignment>.ipynb``.
2. ``autograder.batch.local.grade_many`` (fast=True, isolate=True, as in production) with jobs=1 and
   jobs=2, each in a process of its own and into a fresh results folder, while a thread samples
   the VmRSS / VmHWM (and private memory from smaps_rollup) of the grader, its fork server and
   every worker it forks.
3. Flatness: jobs=2 on 2N submissions (the same N notebooks twice, under new student ids, so the
   mix is identical) against the N run.
4. Real ``nbgrader generate_assignment`` + ``nbgrader autograde`` on a temporary copy of the
   course, for the first ``--nbgrader-n`` of those submissions.
5. A Markdown table on stdout and in ``bench/results.md``, raw figures in ``bench/results.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from autograder.audit import examples  # noqa: E402
from autograder.core import config as config_mod  # noqa: E402

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


# --------------------------------------------------------------------------------------------------
# Memory sampling of a process tree


def _stat(pid: str) -> tuple[int, int] | None:
    """(ppid, starttime) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return int(fields[1]), int(fields[19])
    except (OSError, IndexError, ValueError):
        return None


def _status(pid: int) -> dict[str, str]:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return {k: v.strip() for k, v in (line.split(":", 1) for line in fh if ":" in line)}
    except OSError:
        return {}


def _private_kb(pid: int) -> int:
    """Unique set size (private clean + dirty) from smaps_rollup, 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            return sum(int(line.split()[1]) for line in fh if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except (OSError, ValueError, IndexError):
        return 0


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


class TreeSampler:
    """Samples the memory of a process and all its descendants in a background thread.

    Roles: ``root`` (the process started: the grader, or nbgrader), ``grader`` (an ``autograder
    grade`` started by a grade cell), ``zygote`` (the fork server), ``worker`` (a process forked by
    the fork server, or a plain ``autograder.sandbox.worker``, and anything those start), ``kernel``
    (nbgrader's Jupyter kernel), ``other``.
    """

    def __init__(self, root_pid: int, *, root_role: str, interval: float = 0.2):
        self.root_pid, self.root_role, self.interval = root_pid, root_role, interval
        self.procs: dict[tuple[int, int], dict] = {}
        self.peak_sum: dict[str, int] = {}
        self.peak_tree_kb = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _role(self, pid: int, parent_role: str | None, cmd: str) -> str:
        if pid == self.root_pid:
            return self.root_role
        if parent_role == "worker":
            return "worker"
        if "autograder.sandbox.forkserver" in cmd:
            return "worker" if parent_role == "zygote" else "zygote"
        if "autograder.sandbox.worker" in cmd:
            return "worker"
        if "ipykernel" in cmd:
            return "kernel"
        if "-m autograder grade" in cmd:
            return "grader"
        return "other"

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        children: dict[int, list[tuple[int, int]]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                st = _stat(entry.name)
                if st is not None:
                    children.setdefault(st[0], []).append((int(entry.name), st[1]))
        root_st = _stat(str(self.root_pid))
        if root_st is None:
            return
        sums: dict[str, int] = {}
        stack = [(self.root_pid, root_st[1], None)]
        now = time.monotonic()
        while stack:
            pid, start, parent_role = stack.pop()
            key = (pid, start)
            rec = self.procs.get(key)
            if rec is None:
                cmd = _cmdline(pid)
                rec = self.procs[key] = {
                    "pid": pid,
                    "role": self._role(pid, parent_role, cmd),
                    "cmd": cmd[:120],
                    "rss_kb": 0,
                    "hwm_kb": 0,
                    "uss_kb": 0,
                    "uids": set(),
                    "first": now,
                    "last": now,
                }
            status = _status(pid)
            if status:
                rss = int(status.get("VmRSS", "0 kB").split()[0])
                rec["rss_kb"] = max(rec["rss_kb"], rss)
                rec["hwm_kb"] = max(rec["hwm_kb"], int(status.get("VmHWM", "0 kB").split()[0]))
                rec["uids"].add(int(status.get("Uid", "0").split()[0]))
                rec["last"] = now
                if rec["role"] == "worker":
                    rec["uss_kb"] = max(rec["uss_kb"], _private_kb(pid))
                sums[rec["role"]] = sums.get(rec["role"], 0) + rss
            stack.extend((c, s, rec["role"]) for c, s in children.get(pid, []))
        self.samples += 1
        for role, kb in sums.items():
            self.peak_sum[role] = max(self.peak_sum.get(role, 0), kb)
        self.peak_tree_kb = max(self.peak_tree_kb, sum(sums.values()))

    def summary(self) -> dict:
        by_role: dict[str, list[dict]] = {}
        for rec in self.procs.values():
            by_role.setdefault(rec["role"], []).append(rec)
        out = {
            "samples": self.samples,
            "interval_s": self.interval,
            "peak_tree_rss_mb": self.peak_tree_kb / 1024,
            "peak_concurrent_rss_mb": {r: kb / 1024 for r, kb in self.peak_sum.items()},
            "roles": {},
        }
        for role, recs in by_role.items():
            peaks = [max(r["rss_kb"], r["hwm_kb"]) / 1024 for r in recs]
            uids = sorted({u for r in recs for u in r["uids"]})
            out["roles"][role] = {
                "processes": len(recs),
                "peak_rss_mb_max": max(peaks),
                "peak_rss_mb_median": float(np.median(peaks)),
                "peak_uss_mb_max": max(r["uss_kb"] for r in recs) / 1024,
                "peak_uss_mb_median": float(np.median([r["uss_kb"] for r in recs])) / 1024,
                "uids": [uids[0], uids[-1]] if uids else [],
            }
        return out


# --------------------------------------------------------------------------------------------------
# Submissions


def assignments_with_release(root: Path) -> list[str]:
    cfg = config_mod.load(root / "grading.yml")
    return [n for n in cfg if (root / "assignments" / n / f"{n}.ipynb").is_file()]


def make_submissions(name: str, n: int, total: int, work: Path) -> list[dict]:
    """``total`` submissions; student i gets variant ((i mod n) mod len(variants)): the first n cycle
    through reference, blank, typical mistakes (and correct variants), the next n repeat them under new ids."""
    variants = examples.build(name, root=ROOT, out_dir=work / "variants" / name)
    subs = []
    for i in range(total):
        ex = variants[(i % n) % len(variants)]
        sid = f"s{i + 1:03d}"
        path = work / "submitted" / name / sid / name / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ex.path, path)
        subs.append({"student": sid, "variant": ex.name, "path": str(path)})
    return subs


# --------------------------------------------------------------------------------------------------
# Autograder runs


def stats(values: list[float]) -> dict:
    a = np.asarray(values, dtype=float)
    if a.size == 0:
        return {}
    p10, q1, med, q3, p90 = np.percentile(a, [10, 25, 50, 75, 90])
    return {
        "median": med,
        "p10": p10,
        "p90": p90,
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
        "min": a.min(),
        "max": a.max(),
        "mean": a.mean(),
    }


def grade_run(
    label: str, name: str, subs: list[dict], jobs: int, work: Path, *, interval: float, dask_workers: int = 0
) -> dict:
    out = work / "out" / name / label
    spec = {
        "paths": [s["path"] for s in subs],
        "assignment": name,
        "root": str(ROOT),
        "out": str(out),
        "jobs": jobs,
        "result": str(work / f"{name}-{label}.json"),
        "dask_workers": dask_workers,
        "pool": str(work / "pool"),
    }
    spec_path = work / f"{name}-{label}-spec.json"
    spec_path.write_text(json.dumps(spec))
    print(f"[bench] {name}: grade_many jobs={jobs} on {len(subs)} submissions ...", file=sys.stderr, flush=True)
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "_grade_child.py"), str(spec_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    with TreeSampler(proc.pid, root_role="grader", interval=interval) as sampler:
        log, _ = proc.communicate()
    process_wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"grading child failed ({proc.returncode}):\n{log}")
    res = json.loads(Path(spec["result"]).read_text())
    n = len(subs)
    wall = res["wall_s"]
    done = sorted(res["completed_at_s"])
    mem = sampler.summary()
    grader_peak = max(res["grader_vmhwm_kb"] / 1024, mem["roles"].get("grader", {}).get("peak_rss_mb_max", 0))
    statuses: dict[str, int] = {}
    for r in res["results"]:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    row = {
        "label": label,
        "jobs": jobs,
        "n": n,
        "wall_s": wall,
        "process_wall_s": process_wall,
        "subs_per_min": n / wall * 60,
        "wall_s_per_sub": wall / n,
        "first_result_s": done[0] if done else None,
        "steady_subs_per_min": (n - 1) / (done[-1] - done[0]) * 60 if n > 1 and done[-1] > done[0] else None,
        "seconds": stats([r["seconds"] for r in res["results"]]),
        "statuses": statuses,
        "sandbox": sorted({r["sandbox"] for r in res["results"]}),
        "tensorflow": next((r["tensorflow"] for r in res["results"] if r.get("tensorflow")), None),
        "scores": {r["submission"]: r["score"] for r in res["results"]},
        "points": {r["submission"]: r["points"] for r in res["results"]},
        "per_submission": res["results"],
        "grader_peak_rss_mb": grader_peak,
        "memory": mem,
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg(),
        "log_tail": log[-2000:],
    }
    print(f"[bench]   {wall:.1f} s, {row['subs_per_min']:.1f} submissions/min", file=sys.stderr, flush=True)
    return row


# --------------------------------------------------------------------------------------------------
# nbgrader


def nbgrader_env(course: Path) -> dict:
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(course / ".jupyter"),
        "JUPYTER_DATA_DIR": str(course / ".jupyter-data"),
    }


def _nbgrade_caches(name: str) -> list[Path]:
    """Where ``autograder.integrations.nbgrader.autograde.result_for`` cached results of ``name`` (one folder per notebook
    content; nbgrader grades its own copy of each submission, so the key is not the submitted file's)."""
    return sorted(Path(tempfile.gettempdir()).glob(f"autograder-nbgrader-{name}-*"))


def nbgrader_run(name: str, subs: list[dict], work: Path, *, interval: float) -> dict:
    course = work / "course" / name
    course.mkdir(parents=True)
    for folder in ("solutions", "assignments"):
        shutil.copytree(
            ROOT / folder, course / folder, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
        )
    for f in ("grading.yml", "nbgrader_config.py"):
        shutil.copy(ROOT / f, course / f)
    env = nbgrader_env(course)
    print(
        f"[bench] {name}: nbgrader generate_assignment + autograde on {len(subs)} submissions ...",
        file=sys.stderr,
        flush=True,
    )
    t0 = time.perf_counter()
    gen = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force", "--log-level=INFO"],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    generate_s = time.perf_counter() - t0
    if gen.returncode != 0:
        raise RuntimeError(f"nbgrader generate_assignment failed:\n{gen.stdout}\n{gen.stderr}")
    for s in subs:
        dest = course / "submitted" / s["student"] / name / f"{name}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(s["path"], dest)
    for cache in _nbgrade_caches(name):  # a cached result from an earlier run would skip the grading
        shutil.rmtree(cache, ignore_errors=True)
    load_before = os.getloadavg()
    epoch0, t0 = time.time(), time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nbgrader", "autograde", name, "--force", "--log-level=INFO"],
        cwd=course,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    with TreeSampler(proc.pid, root_role="nbgrader", interval=interval) as sampler:
        log, _ = proc.communicate(timeout=3600)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"nbgrader autograde failed ({proc.returncode}):\n{log[-4000:]}")
    # When each notebook finished (nbgrader writes autograded/<student>/... at the end of each), and how
    # long the grade cells' `autograder grade` subprocess took (its cache folder: input written, result).
    finished = sorted((course / "autograded" / s["student"] / name / f"{name}.ipynb").stat().st_mtime for s in subs)
    starts = [epoch0] + finished[:-1]  # the first includes nbgrader's own start-up
    per_notebook = [f - s for f, s in zip(finished, starts)]
    inner = []
    for cache in _nbgrade_caches(name):
        res, inp = cache / "out" / "submission" / name / "result.json", cache / "in" / "submission.ipynb"
        if res.is_file() and inp.is_file():
            inner.append(res.stat().st_mtime - inp.stat().st_mtime)
        shutil.rmtree(cache, ignore_errors=True)
    from nbgrader.api import Gradebook

    scores, cells = {}, {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for s in subs:
            scores[s["student"]] = gb.find_submission(name, s["student"]).score
            nb = gb.find_submission_notebook(name, name, s["student"])
            cells[s["student"]] = {
                g.name[len("grade_") :]: float(g.score or 0.0) for g in nb.grades if g.name.startswith("grade_")
            }
    row = {
        "n": len(subs),
        "wall_s": wall,
        "generate_assignment_s": generate_s,
        "subs_per_min": len(subs) / wall * 60,
        "wall_s_per_sub": wall / len(subs),
        "per_notebook_s": stats(per_notebook),
        "per_notebook": per_notebook,
        "autograder_in_cell_s": stats(inner),
        "scores": scores,
        "cells": cells,
        "memory": sampler.summary(),
        "loadavg_before": load_before,
        "loadavg_after": os.getloadavg(),
    }
    print(f"[bench]   {wall:.1f} s, {row['subs_per_min']:.2f} submissions/min", file=sys.stderr, flush=True)
    return row


# --------------------------------------------------------------------------------------------------
# The floor and the peers


def pool_run(name: str, work: Path) -> dict:
    """``autograder pool``: the term's expected values, computed once into an empty folder (the
    grading runs then read them, as a course's runs do after the first)."""
    folder = work / "pool"
    print(f"[bench] {name}: autograder pool (once per term) ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "pool", "--assignment", name, "--root", str(ROOT), "--pool", str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=3600,
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"autograder pool failed ({proc.returncode}):\n{proc.stdout[-3000:]}")
    entries = len(list((folder / name).glob("*/*.npz")))  # the folder was empty: every entry was computed now
    row = {"process_wall_s": wall, "entries": entries, "log": proc.stdout[-500:]}
    print(f"[bench]   {row['entries']} entries in {wall:.1f} s", file=sys.stderr, flush=True)
    return row


def floor_run(name: str, subs: list[dict], work: Path) -> dict:
    """The same checks in one process, no sandbox or worker (``bench/_floor_child.py``)."""
    spec = {
        "assignment": name,
        "root": str(ROOT),
        "subs": [{"student": s["student"], "path": s["path"]} for s in subs],
        "result": str(work / f"{name}-floor.json"),
    }
    spec_path = work / f"{name}-floor-spec.json"
    spec_path.write_text(json.dumps(spec))
    print(f"[bench] {name}: floor (in-process checks) on {len(subs)} submissions ...", file=sys.stderr, flush=True)
    proc = subprocess.run(
        [sys.executable, str(BENCH / "_floor_child.py"), str(spec_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"floor child failed ({proc.returncode}):\n{proc.stdout[-3000:]}")
    res = json.loads(Path(spec["result"]).read_text())
    per = res["subs"]
    row = {
        "n": len(per),
        "startup_s": res["startup_s"],
        "skipped": res["skipped"],
        "total": stats([p["total_s"] for p in per]),
        "reference": stats([p["reference_s"] for p in per]),
        "student": stats([p["student_s"] for p in per]),
        "cells": stats([p["cells_s"] for p in per]),
        "points": {p["student"]: p["points"] for p in per},
        "per_submission": per,
    }
    print(f"[bench]   floor median {row['total']['median']:.3f} s per submission", file=sys.stderr, flush=True)
    return row


def peers_run(name: str, subs: list[dict], work: Path, *, interval: float, which: list[str]) -> dict:
    """The peers on ``subs``: nbgrader with assert cells, otter-grader, this grader from nbgrader."""
    from bench.peers import generate, runners

    def sampler(pid):
        return TreeSampler(pid, root_role="peer", interval=interval)

    print(f"[bench] {name}: generating the peers' asserts ...", file=sys.stderr, flush=True)
    spec = generate.build(name, root=ROOT)
    out = {
        "written": spec.ids,
        "unsupported": [dataclasses.asdict(u) for u in spec.unsupported],
        "generate_s": spec.build_s,
        "runs": {},
    }
    if "nbgrader-asserts" in which:
        print(
            f"[bench] {name}: nbgrader autograde with assert cells on {len(subs)} submissions ...",
            file=sys.stderr,
            flush=True,
        )
        r = runners.nbgrader_asserts(spec, subs, work=work, sampler=sampler)
        r["peak_tree_rss_mb"] = r["memory"]["peak_tree_rss_mb"] if r.get("memory") else None
        out["runs"]["nbgrader-asserts"] = r
        print(f"[bench]   {r['wall_s']:.1f} s", file=sys.stderr, flush=True)
    if "otter" in which:
        print(f"[bench] {name}: otter run on {len(subs)} submissions ...", file=sys.stderr, flush=True)
        r = runners.otter(spec, subs, work=work, sampler=sampler)
        out["runs"]["otter"] = r
        print(f"[bench]   {r['wall_s']:.1f} s", file=sys.stderr, flush=True)
    return out


def disagreements(
    reference: dict[str, dict[str, float]], other: dict[str, dict[str, float]], *, ids, subs: list[dict], label: str
) -> list[dict]:
    """Checks (among ``ids``) whose points differ between the grader's run and another, per student."""
    variant = {s["student"]: s["variant"] for s in subs}
    out = []
    for student, theirs in other.items():
        ours = reference.get(student, {})
        for cid in ids:
            a, b = ours.get(cid), theirs.get(cid)
            if a is None or b is None or abs(a - b) > 1e-9:
                out.append(
                    {
                        "peer": label,
                        "student": student,
                        "variant": variant.get(student, "?"),
                        "check": cid,
                        "grader": a,
                        "peer_points": b,
                    }
                )
    return out


def by_target(points: dict[str, float], checks_target: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for cid, p in points.items():
        out[checks_target.get(cid, cid)] = out.get(checks_target.get(cid, cid), 0.0) + p
    return out


# --------------------------------------------------------------------------------------------------
# Report


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as fh:
        mem_kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])

    def version(*dists):
        for d in dists:
            try:
                return importlib.metadata.version(d)
            except importlib.metadata.PackageNotFoundError:
                continue
        return "?"

    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "memory_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "tensorflow": version("tensorflow", "tensorflow-cpu", "tf-nightly"),
        "keras": version("keras"),
        "nbgrader": version("nbgrader"),
        "numpy": version("numpy"),
        "kernel": platform.release(),
        "otter": _otter_version(),
        "loadavg_at_start": os.getloadavg(),
    }


def _otter_version() -> str:
    python = BENCH / ".venv-peers" / "bin" / "python"
    if not python.is_file():
        return "not installed"
    proc = subprocess.run(
        [str(python), "-c", "import otter; print(otter.__version__)"], capture_output=True, text=True, timeout=120
    )
    return proc.stdout.strip() or "?"


def f(x, nd=1):
    return "–" if x is None else f"{x:.{nd}f}"


def _ratio(a, b):
    return None if not a or not b else a / b


def _same_notebooks(one: dict | None, peer: dict | None) -> list[float]:
    """The 1-worker grader's seconds (``SubmissionResult.seconds``) on the notebooks a peer graded:
    the first ``peer["n"]`` submissions of the batch."""
    if not one or not peer:
        return []
    subs = sorted(one["per_submission"], key=lambda s: s["submission"])[: peer["n"]]
    return [s["seconds"] for s in subs]


def _same_notebooks_ratio(one: dict | None, peer: dict | None) -> float | None:
    """A peer's time against the 1-worker grader's on the same notebooks, session start-up left out
    of both (the peer's per-notebook times against the grader's per-submission seconds)."""
    mine = _same_notebooks(one, peer)
    return _ratio(sum(peer["per_notebook"]), sum(mine)) if mine and peer.get("per_notebook") else None


def _whole_wall(run: dict) -> float:
    """A grader run's wall time as an instructor sees it: the whole ``autograder grade``-like process
    (interpreter start, imports, grading, tear-down), as the peers' times are; for Dask, the
    ``grade_many`` call (the cluster is up before it, as a real one would be)."""
    return run["wall_s"] if run["label"].startswith("Dask") else run.get("process_wall_s", run["wall_s"])


def _rate(run: dict | None) -> float | None:
    """Submissions per minute of a grader run over :func:`_whole_wall`, or of a peer over its wall."""
    if not run:
        return None
    wall = _whole_wall(run) if "label" in run else run["wall_s"]
    return run["n"] / wall * 60


def _bounds(fl: dict | None, peers: dict) -> str:
    """The most a 2-worker grader could gain over each assert peer if its overhead were nil: the peer's
    seconds per submission over half the floor's mean (two cores, no start-up), then over half the
    floor's student side alone (as if every expected value were computed before grading, as the
    peers' are, stored in their cells)."""
    if not fl:
        return "–"
    whole = fl["total"]["mean"] / 2
    student = float(np.mean([p["student_s"] for p in fl["per_submission"]])) / 2
    out = []
    for label in ("nbgrader-asserts", "otter"):
        r = peers.get(label)
        out.append(
            "–" if not r else f"{f(_ratio(r['wall_s_per_sub'], whole))} / {f(_ratio(r['wall_s_per_sub'], student))}"
        )
    return " ; ".join(out)


def _pool_cell(pool: dict | None) -> str:
    return "–" if not pool else f"{f(pool['process_wall_s'])} ({pool['entries']})"


def _steady_s(run: dict) -> float | None:
    rate = run.get("steady_subs_per_min")
    return 60.0 / rate if rate else None


def _agreement_short(a: dict) -> str:
    counts = a.get("agreement_counts") or {}
    if not counts:
        return "–"
    differ = sum(d for d, _ in counts.values())
    total = sum(t for _, t in counts.values())
    return f"all {total} agree" if differ == 0 else f"**{differ} of {total} differ**"


def notes(report: dict) -> list[str]:
    """The notes under the tables, from the report (so a re-render states what the code measures now)."""
    m = report["machine"]
    return [
        f"Measured on a {m['cores']}-core machine (load average {m['loadavg_at_start'][0]:.2f} at start, "
        f"{m['loadavg_at_end'][0]:.2f} at end; the grader's own runs load it too): compare runs taken under "
        "similar load, and ratios measured in the same run.",
        "Throughput and every ratio use the whole grading process's wall time (the interpreter's start, the imports, "
        "grading, writing results, the tear-down), as the peers' times are whole processes; for Dask, the "
        "`grade_many` call (its cluster is started before, as a real one would be). `grade_many` wall s is that "
        "call alone (loading the assignment, reading the term's pool, the isolation probe, the fork server's "
        "TensorFlow import, the reference where the pool lacks a value, grading, writing results). The pool is "
        "computed before, once, by `autograder pool` into an empty folder (its own column), as a course computes it "
        "once per term; the assert peers' expected values are likewise computed before and stored in their cells. "
        "first result s is the fixed start-up plus the first submission; steady submissions/min "
        "counts from the first result to the last, steady s / submission is its inverse.",
        "s per submission = `SubmissionResult.seconds` (the engine's wall time for one submission); with 2 workers the "
        "two share the cores with the grader, so each takes longer while the batch finishes sooner.",
        "The floor runs each submission's cells once in the measuring process and every check's probe and verdict "
        "there (reference side: the inputs and expected values for that submission's hidden seeds, computed in the "
        "run: public checks' and hidden variants' once, none read from the pool); the grader runs the "
        "cells twice (public and hidden checks in separate workers) and confines every worker. The target compares "
        "means (the 1-worker steady cost against the floor's mean per submission); the median column compares "
        "medians.",
        "A peer that graded fewer submissions than the grader's batch (the first ones, with --peers-n or "
        "--in-nbgrader-n) has its ratio marked †: its rate is not for the same work as the grader's whole batch; "
        "'peer s / 1-worker s' compares the peer's time with the grader's own seconds on the peer's notebooks "
        "(session start-up left out of both: the peer's per-notebook time and the engine's per-submission time).",
        "The bound column says how far the checks' own cost caps the throughput ratio on this machine: with no "
        "overhead at all (the floor's seconds per submission shared by two cores, start-up left out) the grader "
        "would be that many times as fast as the peer; the second figure leaves out the reference side too (the "
        "peers compute their expected values once, before grading, and store them in the cells). A ratio under 10 "
        "there means 10x cannot be reached with these checks on two cores, whatever the sandbox costs.",
        "The mistake variants include an infinite loop (checks run into their time limit), which sets p90 and max, "
        "in the floor as in the grader.",
        "Hidden inputs: each submission's code picks one of the pool's variants per hidden check; the assert peers store one "
        "fixed set (the one the grader uses for the reference solution), so a disagreement on a hidden check of a "
        "mistake can come from different inputs (the `hidden` column says which checks are hidden).",
        "Dask: a `distributed.LocalCluster` of 2 single-threaded worker processes started by the grading process "
        "before the timer; each Dask worker loads the assignment, the pool and a fork server on its first task.",
        f"Whole benchmark: {report['total_s'] / 60:.1f} min.",
    ]


def render(report: dict) -> str:
    m = report["machine"]
    lines = [
        f"# Grading benchmark ({report['started']})",
        "",
        f"Command: `{report['command']}`",
        "",
        "## Machine",
        "",
        "| cores | CPU | memory | Python | TensorFlow | Keras | nbgrader | otter-grader | load avg at start (1/5/15 min) | at end |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {m['cores']} ({m['usable_cores']} usable) | {m['cpu_model']} | {m['memory_gb']} GB | {m['python']} | "
        f"{m['tensorflow']} | {m['keras']} | {m['nbgrader']} | {m.get('otter', '?')} | "
        f"{' / '.join(f'{x:.2f}' for x in m['loadavg_at_start'])} | {' / '.join(f'{x:.2f}' for x in m.get('loadavg_at_end', ()))} |",
        "",
        f"`uptime` before: `{m.get('uptime_before', '?')}`; after: `{m.get('uptime_after', '?')}`. "
        "The load average says how busy the machine was.",
        "",
    ]
    # Summary: one row per assignment
    lines += [
        "## Summary",
        "",
        "Throughput in submissions/min (s per submission in brackets), each from the wall time of the whole batch, "
        "start-up included. `floor` = the same checks in one process, no sandbox, no worker, cells run once. The "
        "peers grade one notebook after another (as they run). A ratio is the 2-worker grader's throughput over the "
        "peer's on the same submissions; one marked † is not: that peer graded only the first submissions of the "
        "batch (the column 'peer s / 1-worker s' then compares both on those notebooks alone).",
        "",
        "| assignment | submissions | pool once per term s (entries) | floor s/sub (mean) | steady s/sub, 1 worker | target 1.5 floor + 0.3 s "
        "| 1 worker | 2 workers | Dask, 2 workers | nbgrader + asserts | otter run | this grader in nbgrader "
        "| 2 workers / nbgrader+asserts | 2 workers / otter | 2 workers / this grader in nbgrader "
        "| peer s / 1-worker s on the peer's notebooks (nbgrader+asserts / otter) "
        "| bound: peer s/sub over half the floor's, whole / student side (nbgrader+asserts / otter) "
        "| 1 worker median s / floor median | worker peak USS / RSS MB | scores agree |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, a in report["assignments"].items():
        runs = {r["label"]: r for r in a["autograder"]}
        one, two, dask = runs.get("1 worker"), runs.get("2 workers"), runs.get("Dask, 2 workers")
        fl = a.get("floor")
        peers = a.get("peers", {}).get("runs", {})
        nb = a.get("nbgrader")
        floor_s = fl["total"]["mean"] if fl else None  # a mean, as the steady cost it is compared with
        floor_median = fl["total"]["median"] if fl else None
        steady1 = _steady_s(one) if one else None
        target = 1.5 * floor_s + 0.3 if floor_s is not None else None
        same = " / ".join(f(_same_notebooks_ratio(one, r)) for r in (peers.get("nbgrader-asserts"), peers.get("otter")))

        def cell(r):
            return "–" if not r else f"{f(_rate(r))} ({f(60 / _rate(r), 2)})"

        def against(peer):
            if not two or not peer:
                return "–"
            mark = "" if peer["n"] == two["n"] else "†"
            return f"**{f(_ratio(_rate(two), _rate(peer)))}x**{mark}"

        graded = sorted({r["n"] for r in (*peers.values(), nb) if r})
        worker_mem = (two or one or {}).get("memory", {}).get("roles", {}).get("worker", {})
        uss, rss = worker_mem.get("peak_uss_mb_max"), worker_mem.get("peak_rss_mb_max")
        lines.append(
            f"| {name} | {a['n']}{' (peers: ' + ', '.join(map(str, graded)) + ')' if graded and graded != [a['n']] else ''} | "
            f"{_pool_cell(a.get('pool'))} | {f(floor_s, 2)} | {f(steady1, 2)} | {f(target, 2)}"
            f"{' ✓' if steady1 is not None and target is not None and steady1 <= target else ' ✗' if steady1 else ''} | "
            f"{cell(one)} | {cell(two)} | {cell(dask)} | {cell(peers.get('nbgrader-asserts'))} | {cell(peers.get('otter'))} | "
            f"{cell(nb)} | {against(peers.get('nbgrader-asserts'))} | {against(peers.get('otter'))} | {against(nb)} | "
            f"{same} | {_bounds(fl, peers)} | "
            f"{f(_ratio(one and one['seconds']['median'], floor_median), 1)}x | {f(uss, 0)} / {f(rss, 0)} | {_agreement_short(a)} |"
        )
    lines.append("")
    for name, a in report["assignments"].items():
        runs = a["autograder"]
        sandbox = ", ".join(sorted({s for r in runs for s in r["sandbox"] if s}))
        fl = a.get("floor")
        lines += [
            f"## {name}",
            "",
            f"Submissions: {a['n']} per run, cycling through {len(a['variants'])} variants "
            f"({', '.join(a['variants'])}); each with its own student id. Sandbox: `{sandbox}`.",
            "",
            "### autograder `grade_many` (fast=True, isolate=True)",
            "",
            "| run | workers | submissions | `grade_many` wall s | process wall s | submissions/min | s / submission "
            "| first result s | steady submissions/min | steady s / submission | s per submission: median | p10 | p90 "
            "| IQR | median / floor | statuses |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for r in runs:
            st = r["seconds"]
            over = _ratio(st["median"], fl["total"]["median"]) if fl else None
            lines.append(
                f"| {r['label']} | {r['jobs']} | {r['n']} | {f(r['wall_s'])} | {f(r.get('process_wall_s'))} | "
                f"{f(_rate(r))} | {f(60 / _rate(r), 2)} | {f(r['first_result_s'])} | {f(r['steady_subs_per_min'])} | "
                f"{f(_steady_s(r), 2)} | {f(st['median'], 2)} | {f(st['p10'], 2)} | {f(st['p90'], 2)} | "
                f"{f(st['iqr'], 2)} | {f(over, 1)}x | {', '.join(f'{k} {v}' for k, v in sorted(r['statuses'].items()))} |"
            )
        lines += [
            "",
            "Peak memory (RSS in MB; VmRSS sampled every "
            f"{runs[0]['memory']['interval_s']} s and the kernel's VmHWM; USS = private pages, "
            "what a worker adds on top of the pages it shares with the fork server):",
            "",
            "| run | grader process | fork server | workers seen | worker peak RSS: median | max | "
            "worker peak USS: median | max | all workers at once | whole tree | worker uids |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for r in runs:
            mem = r["memory"]
            w, z = mem["roles"].get("worker", {}), mem["roles"].get("zygote", {})
            lines.append(
                f"| {r['label']} | {f(r['grader_peak_rss_mb'], 0)} | {f(z.get('peak_rss_mb_max'), 0)} | "
                f"{w.get('processes', 0)} | {f(w.get('peak_rss_mb_median'), 0)} | {f(w.get('peak_rss_mb_max'), 0)} | "
                f"{f(w.get('peak_uss_mb_median'), 0)} | {f(w.get('peak_uss_mb_max'), 0)} | "
                f"{f(mem['peak_concurrent_rss_mb'].get('worker'), 0)} | {f(mem['peak_tree_rss_mb'], 0)} | "
                f"{'–'.join(map(str, w.get('uids', []))) or '–'} |"
            )
        fls = a["flatness"]
        lines += [
            "",
            "### Flatness (2 workers; the 2N run grades the same N notebooks twice, under new ids)",
            "",
            "| submissions | wall s / submission | median s per submission | steady submissions/min |",
            "| --- | --- | --- | --- |",
        ]
        for r in fls["runs"]:
            lines.append(
                f"| {r['n']} | {f(r['wall_s_per_sub'], 2)} | {f(r['seconds']['median'], 2)} | "
                f"{f(r['steady_subs_per_min'])} |"
            )
        lines += [
            "",
            f"Cost per submission at {fls['runs'][1]['n']} / at {fls['runs'][0]['n']}: "
            f"{fls['wall_ratio']:.2f} (wall), {fls['median_ratio']:.2f} (median); verdict: **{fls['verdict']}**.",
            "",
        ]
        if fl:
            lines += [
                "### The floor (same checks, one process, no sandbox, no workers, cells run once)",
                "",
                "| submissions | s per submission: median | p10 | p90 | reference side (inputs + expected values): median "
                "| student side (cells + probes + verdicts): median | of which the cells | start-up (not counted) | left out |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                f"| {fl['n']} | {f(fl['total']['median'], 3)} | {f(fl['total']['p10'], 3)} | {f(fl['total']['p90'], 3)} | "
                f"{f(fl['reference']['median'], 3)} | {f(fl['student']['median'], 3)} | {f(fl['cells']['median'], 3)} | "
                f"{f(fl['startup_s'])} | {', '.join(fl['skipped']) or '–'} |",
                "",
            ]
        pe = a.get("peers")
        nb = a.get("nbgrader")
        if pe or nb:
            lines += [
                "### Peers (the same submissions, graded in the same run)",
                "",
                "| peer | notebooks | wall s | submissions/min | s per notebook: median | min | max | peak RSS of the tree MB "
                "| checks graded | autograder 1 worker / peer | 2 workers / peer | 2 workers steady / peer "
                "| the same notebooks, 1 worker: s each | peer s / 1-worker s on them |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            ]
            one = next(r for r in runs if r["label"] == "1 worker")
            two = next(r for r in runs if r["label"] == "2 workers")
            rows = []
            for label, r in (pe or {}).get("runs", {}).items():
                rows.append((label, r, len(pe["written"]), r.get("peak_tree_rss_mb")))
            if nb:
                rows.append(("this grader in nbgrader", nb, "all (per grade cell)", nb["memory"]["peak_tree_rss_mb"]))
            for label, r, graded, peak in rows:
                pn = stats(r["per_notebook"])
                lines.append(
                    f"| {label} | {r['n']} | {f(r['wall_s'])} | {f(r['subs_per_min'], 2)} | {f(pn['median'])} | "
                    f"{f(pn['min'])} | {f(pn['max'])} | {f(peak, 0)} | {graded} | "
                    f"**{f(_ratio(_rate(one), r['subs_per_min']))}x** | "
                    f"**{f(_ratio(_rate(two), r['subs_per_min']))}x** | "
                    f"{f(_ratio(two['steady_subs_per_min'], r['subs_per_min']))}x | "
                    f"{' + '.join(f(s, 2) for s in _same_notebooks(one, r))} | {f(_same_notebooks_ratio(one, r))}x |"
                )
            lines += [
                "",
                "nbgrader and otter execute every cell of each notebook in a fresh Jupyter kernel (the demo "
                "cells included: loading data, the notebook's own training runs and plots), then the asserts; "
                "they grade one notebook after another. `this grader in nbgrader` is nbgrader autograde whose "
                "grade cells call this grader (one `autograder grade` process per notebook).",
                "",
            ]
            if pe:
                lines += [
                    f"Checks written as asserts: {len(pe['written'])} of {len(pe['written']) + len(pe['unsupported'])} "
                    f"(generating them, reference side, took {pe['generate_s']:.1f} s). Not graded by the assert peers:",
                    "",
                ]
                lines += [
                    f"- `{u['id']}` ({u['points']:g} pt{'s' if u['points'] != 1 else ''}{', hidden' if u['hidden'] else ''}): "
                    f"{u['reason']}"
                    for u in pe["unsupported"]
                ] or ["- none"]
                lines.append("")
            dis = a.get("disagreements", [])
            lines += [f"Check-by-check agreement with the grader (1 worker): {a.get('agreement_summary', '–')}.", ""]
            if dis:
                lines += [
                    "| peer | student | variant | check | hidden | grader points | peer points |",
                    "| --- | --- | --- | --- | --- | --- | --- |",
                ]
                lines += [
                    f"| {d['peer']} | {d['student']} | {d['variant']} | `{d['check']}` | "
                    f"{'yes' if d.get('hidden') else 'no' if 'hidden' in d else '–'} | {d['grader']} | {d['peer_points']} |"
                    for d in dis[:40]
                ]
                if len(dis) > 40:
                    lines.append(f"| … {len(dis) - 40} more in results.json | | | | | | |")
                lines.append("")
    lines += ["## Notes", ""] + [f"- {n}" for n in notes(report)] + [""]
    return "\n".join(lines)


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


PEERS = ("nbgrader-asserts", "otter", "nbgrader-autograder")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--assignments", nargs="+", help="default: every assignment with a release in assignments/")
    ap.add_argument("--n", type=int, default=20, help="submissions per autograder run (default 20)")
    ap.add_argument(
        "--peers-n",
        "--nbgrader-n",
        dest="peers_n",
        type=int,
        help="submissions the assert peers grade (the first of the batch; default all N, so that the throughput "
        "ratios are on the same submissions; 0 skips the peers)",
    )
    ap.add_argument(
        "--in-nbgrader-n",
        type=int,
        help="submissions 'this grader in nbgrader' grades (the first of the batch; default as --peers-n)",
    )
    ap.add_argument("--peers", nargs="+", choices=PEERS, default=list(PEERS), help="which peers to run (default all)")
    ap.add_argument("--no-dask", action="store_true", help="skip the local two-worker Dask cluster run")
    ap.add_argument("--no-floor", action="store_true", help="skip the in-process floor")
    ap.add_argument("--sample-interval", type=float, default=0.2, help="memory sampling period in seconds")
    ap.add_argument("--out", type=Path, default=BENCH / "results.md", help="the Markdown report (JSON next to it)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (submissions, results, course)")
    ap.add_argument(
        "--render", type=Path, metavar="JSON", help="only write the Markdown of an earlier run's JSON to --out"
    )
    args = ap.parse_args(argv)
    if args.render:
        report = json.loads(args.render.read_text())
        args.out.write_text(render(report))
        return
    if args.n < 2:
        ap.error("--n must be at least 2")
    from autograder.course import assignment as assignment_mod

    names = args.assignments or assignments_with_release(ROOT)
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    report = {
        "started": started,
        "command": " ".join([".venv/bin/python", "bench/run.py", *(argv or sys.argv[1:])]),
        "machine": machine(),
        "args": {k: str(v) for k, v in vars(args).items()},
        "assignments": {},
    }
    report["machine"]["uptime_before"] = _uptime()
    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    os.chmod(work, 0o755)
    t_all = time.perf_counter()
    try:
        for name in names:
            loaded = assignment_mod.load(name, root=ROOT)
            target_of = {c.id: c.target for c in loaded.checks}
            hidden_ids = {c.id for c in loaded.checks if loaded.settings(c).hidden}
            subs = make_submissions(name, args.n, 2 * args.n, work)
            first = subs[: args.n]
            entry = {
                "n": args.n,
                "variants": sorted({s["variant"] for s in first}, key=[s["variant"] for s in first].index),
                "submissions": subs,
            }
            entry["pool"] = pool_run(name, work)
            if not args.no_floor:
                entry["floor"] = floor_run(name, first, work)
            runs = [
                grade_run("1 worker", name, first, 1, work, interval=args.sample_interval),
                grade_run("2 workers", name, first, 2, work, interval=args.sample_interval),
                grade_run("2 workers, 2N", name, subs, 2, work, interval=args.sample_interval),
            ]
            if not args.no_dask:
                runs.append(
                    grade_run("Dask, 2 workers", name, first, 1, work, interval=args.sample_interval, dask_workers=2)
                )
            entry["autograder"] = runs
            n_run, n2_run = runs[1], runs[2]
            wall_ratio = n2_run["wall_s_per_sub"] / n_run["wall_s_per_sub"]
            median_ratio = n2_run["seconds"]["median"] / n_run["seconds"]["median"]
            verdict = (
                "flat (within 15%)"
                if abs(wall_ratio - 1) <= 0.15 and abs(median_ratio - 1) <= 0.15
                else "falls with batch size (fixed start-up cost amortised)"
                if wall_ratio < 0.85
                else "not flat"
            )
            entry["flatness"] = {
                "runs": [n_run, n2_run],
                "wall_ratio": wall_ratio,
                "median_ratio": median_ratio,
                "verdict": verdict,
            }
            ours = runs[0]["points"]
            all_ids = list(target_of)
            dis: list[dict] = []
            counts: dict[str, tuple[int, int]] = {}

            def compare(label, other, ids):
                found = disagreements(ours, other, ids=ids, subs=subs, label=label)
                for d in found:
                    d["hidden"] = d["check"] in hidden_ids
                dis.extend(found)
                counts[label] = (len(found), len(other) * len(ids))

            for r in runs[1:]:
                compare(r["label"], {s["student"]: r["points"][s["student"]] for s in first}, all_ids)
            copies = {subs[i]["student"]: n2_run["points"][subs[i + args.n]["student"]] for i in range(args.n)}
            compare("2N, second copy", copies, all_ids)
            if "floor" in entry:
                fl_ids = [c for c in all_ids if c not in entry["floor"]["skipped"]]
                compare("floor", entry["floor"]["points"], fl_ids)
            peer_subs = first[: args.n if args.peers_n is None else args.peers_n]
            in_nbgrader_subs = peer_subs if args.in_nbgrader_n is None else first[: args.in_nbgrader_n]
            asserts_peers = [p for p in args.peers if p in ("nbgrader-asserts", "otter")]
            if peer_subs and asserts_peers:
                pe = peers_run(name, peer_subs, work, interval=args.sample_interval, which=asserts_peers)
                entry["peers"] = pe
                for label, r in pe["runs"].items():
                    compare(label, r["points"], pe["written"])
            if in_nbgrader_subs and "nbgrader-autograder" in args.peers:
                nb = nbgrader_run(name, in_nbgrader_subs, work, interval=args.sample_interval)
                entry["nbgrader"] = nb
                ours_cells = {s["student"]: by_target(ours[s["student"]], target_of) for s in in_nbgrader_subs}
                targets = sorted(set(target_of.values()))
                found = disagreements(
                    ours_cells, nb["cells"], ids=targets, subs=subs, label="this grader in nbgrader (per grade cell)"
                )
                dis.extend(found)
                counts["this grader in nbgrader"] = (len(found), len(nb["cells"]) * len(targets))
            entry["disagreements"] = dis
            entry["agreement_counts"] = counts
            entry["agreement_summary"] = "; ".join(
                f"{k}: {'all ' + str(t) + ' agree' if d == 0 else f'{d} of {t} differ'}" for k, (d, t) in counts.items()
            )
            report["assignments"][name] = entry
            # write what we have after every assignment, so an interrupted run still leaves a report
            _write(report, args.out, t_all)
    finally:
        if args.keep:
            print(f"[bench] kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    md = _write(report, args.out, t_all)
    print(md)


def _write(report: dict, out: Path, t_all: float) -> str:
    report["total_s"] = time.perf_counter() - t_all
    report["machine"]["loadavg_at_end"] = os.getloadavg()
    report["machine"]["uptime_after"] = _uptime()
    md = render(report)
    out.write_text(md)
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str))
    return md


if __name__ == "__main__":
    main()
