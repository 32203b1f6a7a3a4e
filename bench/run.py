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

from autograder.model import config as config_mod  # noqa: E402
from autograder.audit import examples  # noqa: E402

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
                rec = self.procs[key] = {"pid": pid, "role": self._role(pid, parent_role, cmd), "cmd": cmd[:120],
                                         "rss_kb": 0, "hwm_kb": 0, "uss_kb": 0, "uids": set(), "first": now, "last": now}
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
        out = {"samples": self.samples, "interval_s": self.interval, "peak_tree_rss_mb": self.peak_tree_kb / 1024,
               "peak_concurrent_rss_mb": {r: kb / 1024 for r, kb in self.peak_sum.items()}, "roles": {}}
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
    through reference + mistakes, the next n repeat them under new ids."""
    variants = [e for e in examples.build(name, root=ROOT, out_dir=work / "variants" / name) if e.name != "blank"]
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
    return {"median": med, "p10": p10, "p90": p90, "q1": q1, "q3": q3, "iqr": q3 - q1, "min": a.min(), "max": a.max(),
            "mean": a.mean()}


def grade_run(label: str, name: str, subs: list[dict], jobs: int, work: Path, *,
              interval: float) -> dict:
    out = work / "out" / name / label
    spec = {"paths": [s["path"] for s in subs], "assignment": name, "root": str(ROOT), "out": str(out), "jobs": jobs,
            "result": str(work / f"{name}-{label}.json")}
    spec_path = work / f"{name}-{label}-spec.json"
    spec_path.write_text(json.dumps(spec))
    print(f"[bench] {name}: grade_many jobs={jobs} on {len(subs)} submissions ...", file=sys.stderr, flush=True)
    load_before = os.getloadavg()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(BENCH / "_grade_child.py"), str(spec_path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
        "label": label, "jobs": jobs, "n": n, "wall_s": wall, "process_wall_s": process_wall,
        "subs_per_min": n / wall * 60, "wall_s_per_sub": wall / n,
        "first_result_s": done[0] if done else None,
        "steady_subs_per_min": (n - 1) / (done[-1] - done[0]) * 60 if n > 1 and done[-1] > done[0] else None,
        "seconds": stats([r["seconds"] for r in res["results"]]),
        "statuses": statuses, "sandbox": sorted({r["sandbox"] for r in res["results"]}),
        "tensorflow": next((r["tensorflow"] for r in res["results"] if r.get("tensorflow")), None),
        "scores": {r["submission"]: r["score"] for r in res["results"]},
        "per_submission": res["results"], "grader_peak_rss_mb": grader_peak, "memory": mem,
        "loadavg_before": load_before, "loadavg_after": os.getloadavg(), "log_tail": log[-2000:],
    }
    print(f"[bench]   {wall:.1f} s, {row['subs_per_min']:.1f} submissions/min", file=sys.stderr, flush=True)
    return row


# --------------------------------------------------------------------------------------------------
# nbgrader


def nbgrader_env(course: Path) -> dict:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "JUPYTER_CONFIG_DIR": str(course / ".jupyter"), "JUPYTER_DATA_DIR": str(course / ".jupyter-data")}


def _nbgrade_caches(name: str) -> list[Path]:
    """Where ``autograder.integrations.nbgrader.autograde.result_for`` cached results of ``name`` (one folder per notebook
    content; nbgrader grades its own copy of each submission, so the key is not the submitted file's)."""
    return sorted(Path(tempfile.gettempdir()).glob(f"autograder-nbgrader-{name}-*"))


def nbgrader_run(name: str, subs: list[dict], work: Path, *, interval: float) -> dict:
    course = work / "course" / name
    course.mkdir(parents=True)
    for folder in ("solutions", "assignments"):
        shutil.copytree(ROOT / folder, course / folder, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    for f in ("grading.yml", "nbgrader_config.py"):
        shutil.copy(ROOT / f, course / f)
    env = nbgrader_env(course)
    print(f"[bench] {name}: nbgrader generate_assignment + autograde on {len(subs)} submissions ...", file=sys.stderr,
          flush=True)
    t0 = time.perf_counter()
    gen = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force", "--log-level=INFO"],
                         cwd=course, env=env, capture_output=True, text=True, timeout=900)
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
    proc = subprocess.Popen([sys.executable, "-m", "nbgrader", "autograde", name, "--force", "--log-level=INFO"],
                            cwd=course, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for s in subs:
            scores[s["student"]] = gb.find_submission(name, s["student"]).score
    row = {"n": len(subs), "wall_s": wall, "generate_assignment_s": generate_s, "subs_per_min": len(subs) / wall * 60,
           "wall_s_per_sub": wall / len(subs), "per_notebook_s": stats(per_notebook), "per_notebook": per_notebook,
           "autograder_in_cell_s": stats(inner), "scores": scores, "memory": sampler.summary(),
           "loadavg_before": load_before, "loadavg_after": os.getloadavg()}
    print(f"[bench]   {wall:.1f} s, {row['subs_per_min']:.2f} submissions/min", file=sys.stderr, flush=True)
    return row


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

    return {"cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)), "cpu_model": model,
            "memory_gb": round(mem_kb / 2**20, 1), "python": platform.python_version(),
            "tensorflow": version("tensorflow", "tensorflow-cpu", "tf-nightly"), "keras": version("keras"),
            "nbgrader": version("nbgrader"), "numpy": version("numpy"), "kernel": platform.release(),
            "loadavg_at_start": os.getloadavg()}


def f(x, nd=1):
    return "–" if x is None else f"{x:.{nd}f}"


def render(report: dict) -> str:
    m = report["machine"]
    lines = [f"# Grading benchmark ({report['started']})", "",
             f"Command: `{report['command']}`", "",
             "## Machine", "",
             "| cores | CPU | memory | Python | TensorFlow | Keras | nbgrader | load avg at start (1/5/15 min) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |",
             f"| {m['cores']} ({m['usable_cores']} usable) | {m['cpu_model']} | {m['memory_gb']} GB | {m['python']} | "
             f"{m['tensorflow']} | {m['keras']} | {m['nbgrader']} | {' / '.join(f'{x:.2f}' for x in m['loadavg_at_start'])} |",
             ""]
    for name, a in report["assignments"].items():
        runs = a["autograder"]
        sandbox = ", ".join(sorted({s for r in runs for s in r["sandbox"]}))
        lines += [f"## {name}", "",
                  f"Submissions: {a['n']} per run, cycling through {len(a['variants'])} variants "
                  f"({', '.join(a['variants'])}); each with its own student id. Sandbox: `{sandbox}`.", "",
                  "### autograder `grade_many` (fast=True, isolate=True)", "",
                  "| run | workers | submissions | wall s | submissions/min | wall s / submission | first result s "
                  "| steady submissions/min | s per submission: median | p10 | p90 | IQR | statuses |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in runs:
            s = r["seconds"]
            lines.append(f"| {r['label']} | {r['jobs']} | {r['n']} | {f(r['wall_s'])} | {f(r['subs_per_min'])} | "
                         f"{f(r['wall_s_per_sub'], 2)} | {f(r['first_result_s'])} | {f(r['steady_subs_per_min'])} | "
                         f"{f(s['median'], 2)} | {f(s['p10'], 2)} | {f(s['p90'], 2)} | {f(s['iqr'], 2)} | "
                         f"{', '.join(f'{k} {v}' for k, v in sorted(r['statuses'].items()))} |")
        lines += ["", "Peak memory (RSS in MB; VmRSS sampled every "
                  f"{runs[0]['memory']['interval_s']} s and the kernel's VmHWM; USS = private pages, "
                  "what a worker adds on top of the pages it shares with the fork server):", "",
                  "| run | grader process | fork server | workers seen | worker peak RSS: median | max | "
                  "worker peak USS: median | max | all workers at once | whole tree | worker uids |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in runs:
            mem = r["memory"]
            w, z = mem["roles"].get("worker", {}), mem["roles"].get("zygote", {})
            lines.append(f"| {r['label']} | {f(r['grader_peak_rss_mb'], 0)} | {f(z.get('peak_rss_mb_max'), 0)} | "
                         f"{w.get('processes', 0)} | {f(w.get('peak_rss_mb_median'), 0)} | {f(w.get('peak_rss_mb_max'), 0)} | "
                         f"{f(w.get('peak_uss_mb_median'), 0)} | {f(w.get('peak_uss_mb_max'), 0)} | "
                         f"{f(mem['peak_concurrent_rss_mb'].get('worker'), 0)} | {f(mem['peak_tree_rss_mb'], 0)} | "
                         f"{'–'.join(map(str, w.get('uids', []))) or '–'} |")
        fl = a["flatness"]
        lines += ["", "### Flatness (2 workers; the 2N run grades the same N notebooks twice, under new ids)", "",
                  "| submissions | wall s / submission | median s per submission | steady submissions/min |",
                  "| --- | --- | --- | --- |"]
        for r in fl["runs"]:
            lines.append(f"| {r['n']} | {f(r['wall_s_per_sub'], 2)} | {f(r['seconds']['median'], 2)} | "
                         f"{f(r['steady_subs_per_min'])} |")
        lines += ["", f"Cost per submission at {fl['runs'][1]['n']} / at {fl['runs'][0]['n']}: "
                  f"{fl['wall_ratio']:.2f} (wall), {fl['median_ratio']:.2f} (median); verdict: **{fl['verdict']}**.", ""]
        nb = a.get("nbgrader")
        if nb:
            mem = nb["memory"]
            lines += ["### nbgrader autograde (real, temporary course copy)", "",
                      "| notebooks | wall s | submissions/min | s per notebook: median | min | max | of which the grade "
                      "cells' `autograder grade`: median | peak RSS of the whole tree MB | scores equal the autograder's "
                      "| autograder (2 workers) / nbgrader throughput: N | 2N | steady |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                      f"| {nb['n']} | {f(nb['wall_s'])} | {f(nb['subs_per_min'], 2)} | {f(nb['per_notebook_s']['median'])} | "
                      f"{f(nb['per_notebook_s']['min'])} | {f(nb['per_notebook_s']['max'])} | "
                      f"{f(nb['autograder_in_cell_s'].get('median'))} | {f(mem['peak_tree_rss_mb'], 0)} | "
                      f"{nb['scores_agree']} | **{nb['ratio']:.1f}x** | **{nb['ratio_2n']:.1f}x** | {nb['ratio_steady']:.1f}x |", "",
                      f"(`nbgrader generate_assignment` took {nb['generate_assignment_s']:.1f} s, not counted.) "
                      "nbgrader autograde executes every cell of each notebook in a Jupyter kernel, the demo cells "
                      "included (loading data, the notebook's training runs and plots), and each notebook's grade "
                      "cells call the sandboxed autograder once (a fresh `autograder grade --jobs 1` process: "
                      "TensorFlow import, reference, fork server, one submission), so the nbgrader figure is the "
                      "demos plus one full autograder start-up per notebook, a cost that does not shrink with the "
                      "class size. The ratios divide the 2-worker autograder's submissions/min by nbgrader's: on "
                      f"the N = {a['n']} run, on the 2N run, and at the autograder's steady rate (after its "
                      "start-up, which a class of a hundred amortises).", ""]
    lines += ["## Notes", ""] + [f"- {n}" for n in report["notes"]] + [""]
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--assignments", nargs="+", help="default: every assignment with a release in assignments/")
    ap.add_argument("--n", type=int, default=20, help="submissions per autograder run (default 20)")
    ap.add_argument("--nbgrader-n", type=int, default=4, help="submissions for nbgrader autograde (default 4; 0 skips it)")
    ap.add_argument("--sample-interval", type=float, default=0.2, help="memory sampling period in seconds")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (submissions, results, course)")
    args = ap.parse_args(argv)
    if args.n < 2:
        ap.error("--n must be at least 2")
    names = args.assignments or assignments_with_release(ROOT)
    started = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    report = {"started": started, "command": " ".join([".venv/bin/python", "bench/run.py", *(argv or sys.argv[1:])]),
              "machine": machine(), "args": vars(args), "assignments": {}}
    work = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    os.chmod(work, 0o755)
    t_all = time.perf_counter()
    try:
        for name in names:
            subs = make_submissions(name, args.n, 2 * args.n, work)
            first = subs[: args.n]
            runs = [grade_run("1 worker", name, first, 1, work, interval=args.sample_interval),
                    grade_run("2 workers", name, first, 2, work, interval=args.sample_interval),
                    grade_run("2 workers, 2N", name, subs, 2, work, interval=args.sample_interval)]
            agree = all(runs[0]["scores"][s] == runs[1]["scores"][s] == runs[2]["scores"][s] for s in runs[0]["scores"])
            agree_2n = all(runs[2]["scores"][subs[i]["student"]] == runs[2]["scores"][subs[i + args.n]["student"]]
                           for i in range(args.n))
            n_run, n2_run = runs[1], runs[2]
            wall_ratio = n2_run["wall_s_per_sub"] / n_run["wall_s_per_sub"]
            median_ratio = n2_run["seconds"]["median"] / n_run["seconds"]["median"]
            verdict = ("flat (within 15%)" if abs(wall_ratio - 1) <= 0.15 and abs(median_ratio - 1) <= 0.15 else
                       "falls with batch size (fixed start-up cost amortised)" if wall_ratio < 0.85 else "not flat")
            entry = {"n": args.n, "variants": sorted({s["variant"] for s in first}, key=[s["variant"] for s in first].index),
                     "submissions": subs, "autograder": runs, "scores_same_across_runs": agree and agree_2n,
                     "flatness": {"runs": [n_run, n2_run], "wall_ratio": wall_ratio, "median_ratio": median_ratio,
                                  "verdict": verdict}}
            if args.nbgrader_n > 0:
                nb_subs = first[: args.nbgrader_n]
                nb = nbgrader_run(name, nb_subs, work, interval=args.sample_interval)
                ours = n_run["scores"]
                same = sum(abs(nb["scores"][s["student"]] - ours[s["student"]]) < 1e-9 for s in nb_subs)
                nb["scores_agree"] = f"{same}/{len(nb_subs)}"
                nb["autograder_scores"] = {s["student"]: ours[s["student"]] for s in nb_subs}
                nb["ratio"] = n_run["subs_per_min"] / nb["subs_per_min"]
                nb["ratio_2n"] = n2_run["subs_per_min"] / nb["subs_per_min"]
                nb["ratio_steady"] = n2_run["steady_subs_per_min"] / nb["subs_per_min"]
                entry["nbgrader"] = nb
            report["assignments"][name] = entry
    finally:
        if args.keep:
            print(f"[bench] kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report["total_s"] = time.perf_counter() - t_all
    report["machine"]["loadavg_at_end"] = os.getloadavg()
    m = report["machine"]
    report["notes"] = [
        f"Measured on a shared {m['cores']}-core machine while other work was running (load average "
        f"{m['loadavg_at_start'][0]:.2f} at start, {m['loadavg_at_end'][0]:.2f} at end): timings are noisy; "
        "compare runs taken under similar load.",
        "wall s = the `grade_many` call alone (loading the assignment, the reference, the isolation probe, the fork "
        "server's TensorFlow import, grading, writing results); the grading process's own Python/TensorFlow import "
        "is not included. first result s is the fixed start-up plus the first submission; steady submissions/min "
        "counts from the first result to the last.",
        "s per submission = `SubmissionResult.seconds` (the engine's wall time for one submission); with 2 workers the "
        "two share 2 cores with the grader, so each takes longer while the batch finishes sooner.",
        "The mistake variants include an infinite loop (one check runs into its 10 s limit plus a 5 s grace), which "
        "sets p90 and max.",
        "Scores identical across the 1-worker, 2-worker and 2N runs (and between the two copies in 2N): "
        + ", ".join(f"{n}: {'yes' if e['scores_same_across_runs'] else 'NO'}" for n, e in report["assignments"].items())
        + ".",
        "Workers ran as their own users (isolate=True), each holding a uid that no other grader on the machine holds"
        + ". Worker RSS counts the pages shared copy-on-write with the fork server (TensorFlow and Keras "
        "already imported), so RSS of workers and fork server must not be added up; USS is what each worker adds.",
        f"Whole benchmark: {report['total_s'] / 60:.1f} min.",
    ]
    md = render(report)
    (BENCH / "results.md").write_text(md)
    (BENCH / "results.json").write_text(json.dumps(report, indent=1, default=str))
    print(md)


if __name__ == "__main__":
    main()
