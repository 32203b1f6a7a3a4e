"""Where one submission's time goes, measured in the grader (no change to the engine).

    .venv/bin/python bench/profile.py a1_perceptron [--variant reference] [--repeat 5] [--out bench/profile-a1_perceptron.md]

Opens a grading session as ``grade_many`` does (fork server, confinement), grades the same
submission ``--repeat`` times and, by wrapping the engine's and the runner's functions in timers,
splits each submission's wall time into: the reference side (``engine.prepare``: inputs and
expected values), each worker's start (``runner._start``: fork from the server, confinement
set-up by the forked child until it writes its first progress note), the worker's phases as the
grader's watch saw them (cells, checks, the end: from the last check to its exit, including the
worker's own clean-up), killing its session, reading its records back (transport), the
verdicts (``engine.judge`` + requirements) and the rest. Phases are timed by the grader's 50 ms
poll, so short phases round to it. The first submission (cold caches) is reported apart.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


class Timers:
    """Accumulates seconds per label for the submission being graded."""

    def __init__(self):
        self.current: collections.Counter = collections.Counter()

    def wrap(self, owner, name: str, label: str):
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.current[label] += time.perf_counter() - t

        setattr(owner, name, timed)
        return original


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("assignment")
    ap.add_argument("--variant", default="reference", help="reference, blank or a mistake's name")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--no-setup-preload",
        action="store_true",
        help="the fork server does not import the setup cells' modules (the behaviour before that change)",
    )
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from autograder.audit import examples
    from autograder.course import assignment as assignment_mod
    from autograder.grading import engine
    from autograder.grading.session import open_session
    from autograder.sandbox import processes, runner

    if args.no_setup_preload:
        from autograder.course import notebook

        notebook.setup_imports = lambda nb: []
    timers = Timers()
    timers.wrap(engine, "prepare", "reference side (inputs, expected values)")
    timers.wrap(engine, "judge", "verdicts")
    timers.wrap(engine, "apply_requirements", "verdicts")
    timers.wrap(runner, "_start", "worker start (fork, confinement plan)")
    timers.wrap(runner, "_collect", "transport (records read back)")
    timers.wrap(processes, "kill_tree", "worker session killed")
    timers.wrap(runner, "run_worker", "_run_worker_total")
    # The worker's phases, as the grader's watch sees the progress notes change.
    watch_cls = runner._Watch
    original_note = watch_cls.note
    seen: dict[int, tuple[str, float]] = {}

    def note(self):
        phase = original_note(self)
        now = time.perf_counter()
        key = id(self)
        kind = getattr(phase, "kind", None)
        value = getattr(kind, "value", kind)
        label = {
            "start": "worker phase: start (confinement, TF policy, request read)",
            "cell": "worker phase: cells",
            "check": "worker phase: checks (probes)",
            "done": "worker phase: done until exit",
        }.get(value, f"worker phase: {value}")
        last = seen.get(key)
        if last is None:
            seen[key] = (label, now)
        elif last[0] != label:
            timers.current[last[0]] += now - last[1]
            seen[key] = (label, now)
        return phase

    watch_cls.note = note
    original_init = watch_cls.__init__

    def init(self, phases, out_fd, start, **kwargs):
        original_init(self, phases, out_fd, start, **kwargs)
        seen[id(self)] = ("worker: forked, until its first progress note", time.perf_counter())

    watch_cls.__init__ = init

    a = assignment_mod.load(args.assignment, root=ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        ex = {e.name: e for e in examples.build(args.assignment, root=ROOT, out_dir=Path(tmp) / "v")}
        path = ex[args.variant].path
        rows = []
        t_open = time.perf_counter()
        with open_session(a, root=ROOT, jobs=1, fork=True, isolate=True, hide=[Path(tmp)]) as session:
            opened = time.perf_counter() - t_open
            for _ in range(args.repeat):
                timers.current = collections.Counter()
                seen.clear()
                t = time.perf_counter()
                result = session.grade(path)
                wall = time.perf_counter() - t
                row = dict(timers.current)
                row["wall"] = wall
                row["score"] = result.score
                rows.append(row)
    labels = sorted(
        {k for r in rows for k in r if k not in ("wall", "score", "_run_worker_total")},
        key=lambda k: (not k.startswith("reference"), k),
    )
    warm = rows[1:] or rows
    lines = [
        f"# Where one `{args.assignment}` submission's time goes ({args.variant}, {args.repeat} gradings)",
        "",
        f"Command: `.venv/bin/python bench/profile.py {' '.join(argv or sys.argv[1:])}`; session set-up (reference, "
        f"fork server, confinement) {opened:.1f} s, not counted; score {rows[-1]['score']:g} every time: "
        f"{'yes' if len({r['score'] for r in rows}) == 1 else 'NO'}.",
        "",
        "| part | first submission s | later submissions: median s | share of the median wall |",
        "| --- | --- | --- | --- |",
    ]
    med_wall = float(np.median([r["wall"] for r in warm]))
    accounted = collections.Counter()
    for label in labels:
        med = float(np.median([r.get(label, 0.0) for r in warm]))
        accounted[label] = med
        lines.append(f"| {label} | {rows[0].get(label, 0.0):.3f} | {med:.3f} | {med / med_wall:.0%} |")
    inside = float(np.median([r.get("_run_worker_total", 0.0) for r in warm]))
    lines += [
        f"| all workers (run_worker, whole) | {rows[0].get('_run_worker_total', 0.0):.3f} | {inside:.3f} | {inside / med_wall:.0%} |",
        f"| **wall of the submission** | {rows[0]['wall']:.3f} | {med_wall:.3f} | 100% |",
        "",
        "The worker phases and start/transport/kill are parts of `run_worker`; the reference side and the verdicts are "
        "outside it. Two workers per submission (public, then hidden checks), so each worker part is the sum of both.",
        "",
    ]
    md = "\n".join(lines)
    if args.out:
        args.out.write_text(md)
    print(md)


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        main()
