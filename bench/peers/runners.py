"""Runs the peers on submissions: nbgrader autograde with assert cells, and otter-grader's ``otter run``.

Each returns the wall time, the time per notebook and the points of every check per student
(``{student: {check id: points}}``), read from nbgrader's gradebook and otter's results JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.peers import generate

BENCH = Path(__file__).resolve().parents[1]
PEERS_VENV = BENCH / ".venv-peers"
INSTALL_HINT = "make it with the three commands in bench/README.md (otter-grader==7.0.0 from PyPI)"


def _env(course: Path, python: Path) -> dict:
    return {
        **os.environ,
        "PATH": f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(course / ".jupyter"),
        "JUPYTER_DATA_DIR": str(course / ".jupyter-data"),
    }


def nbgrader_asserts(spec: generate.PeerSpec, subs: list[dict], *, work: Path, sampler=None) -> dict:
    """``nbgrader generate_assignment`` + ``nbgrader autograde`` of an assert course on ``subs``.

    Args:
        spec: The assignment's checks as asserts.
        subs: ``{"student", "path"}`` of each submission (notebooks of this suite's layout).
        work: A fresh folder for the course.
        sampler: A callable ``sampler(pid)`` returning a context manager that samples memory.
    """
    name = spec.name
    course = generate.write_nbgrader_course(spec, course=work / "course-asserts" / name)
    env = _env(course, Path(sys.executable))
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
        raise RuntimeError(
            f"nbgrader generate_assignment (asserts) failed:\n{gen.stdout[-3000:]}\n{gen.stderr[-3000:]}"
        )
    for s in subs:
        dest = course / "submitted" / s["student"] / name / f"{name}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(generate.submission_for_asserts(Path(s["path"]), spec), indent=1))
    epoch0, t0 = time.time(), time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nbgrader", "autograde", name, "--force", "--log-level=INFO"],
        cwd=course,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    mem = None
    if sampler is not None:
        with sampler(proc.pid) as smp:
            log, _ = proc.communicate(timeout=3600)
        mem = smp.summary()
    else:
        log, _ = proc.communicate(timeout=3600)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"nbgrader autograde (asserts) failed ({proc.returncode}):\n{log[-4000:]}")
    finished = sorted((course / "autograded" / s["student"] / name / f"{name}.ipynb").stat().st_mtime for s in subs)
    per_notebook = [f - s for f, s in zip(finished, [epoch0] + finished[:-1])]
    from nbgrader.api import Gradebook

    points: dict[str, dict[str, float]] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for s in subs:
            nb = gb.find_submission_notebook(name, name, s["student"])
            points[s["student"]] = {
                generate.check_id_of(g.name): float(g.score or 0.0) for g in nb.grades if g.name.startswith("test_")
            }
    return {
        "n": len(subs),
        "wall_s": wall,
        "generate_assignment_s": generate_s,
        "subs_per_min": len(subs) / wall * 60,
        "wall_s_per_sub": wall / len(subs),
        "per_notebook": per_notebook,
        "points": points,
        "memory": mem,
        "log_tail": log[-1500:],
    }


def otter(spec: generate.PeerSpec, subs: list[dict], *, work: Path, sampler=None) -> dict:
    """``otter run`` (no container) of an otter-grader 7 autograder on each of ``subs``, one after another.

    Raises:
        FileNotFoundError: The peers' virtual environment (with otter-grader) is missing.
    """
    otter_bin = PEERS_VENV / "bin" / "otter"
    if not otter_bin.is_file():
        raise FileNotFoundError(f"{otter_bin} is missing; {INSTALL_HINT}")
    name = spec.name
    folder = work / "otter" / name
    zip_path = generate.write_otter_zip(spec, path=folder / "autograder.zip")
    env = {**os.environ, "PATH": f"{otter_bin.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    points: dict[str, dict[str, float]] = {}
    per_notebook, mems = [], []
    t0 = time.perf_counter()
    for s in subs:
        sub_dir = folder / "submissions" / s["student"]
        sub_dir.mkdir(parents=True)
        nb_path = sub_dir / f"{name}.ipynb"
        nb_path.write_text(json.dumps(generate.submission_for_asserts(Path(s["path"]), spec), indent=1))
        out_dir = folder / "results" / s["student"]
        out_dir.mkdir(parents=True)
        t = time.perf_counter()
        proc = subprocess.Popen(
            [str(otter_bin), "run", "-a", str(zip_path), "-o", str(out_dir), "--no-logo", str(nb_path)],
            cwd=sub_dir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if sampler is not None:
            with sampler(proc.pid) as smp:
                log, _ = proc.communicate(timeout=3600)
            mems.append(smp.summary())
        else:
            log, _ = proc.communicate(timeout=3600)
        per_notebook.append(time.perf_counter() - t)
        results = out_dir / "results.json"
        if proc.returncode != 0 or not results.is_file():
            raise RuntimeError(f"otter run failed on {s['student']} ({proc.returncode}):\n{log[-4000:]}")
        points[s["student"]] = _otter_points(json.loads(results.read_text()))
    wall = time.perf_counter() - t0
    peak = max((m["peak_tree_rss_mb"] for m in mems), default=None)
    return {
        "n": len(subs),
        "wall_s": wall,
        "subs_per_min": len(subs) / wall * 60,
        "wall_s_per_sub": wall / len(subs),
        "per_notebook": per_notebook,
        "points": points,
        "peak_tree_rss_mb": peak,
    }


def _otter_points(results: dict) -> dict[str, float]:
    """Points per check from otter's Gradescope-style results (tests named ``<test name> - <case>``
    or ``<test name>``)."""
    out: dict[str, float] = {}
    for test in results.get("tests", []):
        label = str(test.get("name", ""))
        test_name = label.split(" - ")[0].strip()
        cid = generate.check_id_of(test_name) if test_name.startswith("test_") else test_name
        if "." in cid:  # otter's own summary entries ("Public Tests") are not checks
            out[cid] = out.get(cid, 0.0) + float(test.get("score") or 0.0)
    return out
