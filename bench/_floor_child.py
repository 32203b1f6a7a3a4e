"""The floor: the same checks on the same submissions in one process, no sandbox, no worker.

Run by ``bench/run.py`` in a process of its own (internal)::

    python bench/_floor_child.py SPEC.json

SPEC holds ``assignment``, ``root``, ``subs`` (``{"student", "path"}``) and ``result``. For each
submission it times (1) the reference side: every check's inputs and the reference's expected
value for that submission's hidden seeds (``engine.prepare`` with a cache kept across the
submissions, as a grading session keeps one), and (2) the student side: the submission's cells executed once, here, then
every check's probe on that namespace and the grader's own verdict (``engine.judge``). Loading the
assignment and running the reference notebook once are start-up, not counted. Checks written as
pytest tests (``autograder.grading.testchecks``) are left out and counted in ``skipped``. The points are
returned too: the floor must grade like the grader.
"""

from __future__ import annotations

import copy
import json
import sys
import time
from pathlib import Path


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    root = Path(spec["root"])
    sys.path.insert(0, str(root))
    from autograder.checks.check import resolve_probe
    from autograder.core.plaindata import to_plain
    from autograder.course import assignment as assignment_mod
    from autograder.course import notebook
    from autograder.grading import engine, testchecks
    from autograder.grading.reference import reference_namespace
    from autograder.sandbox import cells, determinism
    from autograder.sandbox.protocol import CheckRecord, RecordStatus
    from autograder.sandbox.worker import type_name

    t = time.perf_counter()
    a = assignment_mod.load(spec["assignment"], root=root)
    reference = reference_namespace(a)
    startup = time.perf_counter() - t
    probed = [c for c in a.checks if not isinstance(c, testchecks.PytestCheck)]
    skipped = [c.id for c in a.checks if isinstance(c, testchecks.PytestCheck)]
    limits = a.config.limits
    probes = {c.id: resolve_probe(c.probe_spec()) for c in probed}
    out = []
    expected: dict = {}  # what the submissions share, computed once (as a grading session does)
    for sub in spec["subs"]:
        nb, _raw = notebook.read_submission(Path(sub["path"]))
        picked = notebook.submission_cells(nb, a.release)
        t0 = time.perf_counter()
        prepared = engine.prepare(
            a, probed, digest=engine.code_digest(picked.cells), reference=reference, cache=expected
        )
        t1 = time.perf_counter()
        ns: dict = {"__name__": "__main__"}
        for cell in picked.cells:
            cells.run_cell(cell.id, cell.source, ns, timeout_s=limits.cell_timeout_s)
        t2 = time.perf_counter()
        results = []
        for p in prepared:
            determinism.apply(p.seed)
            try:
                # the worker gets its own copy of the inputs (they travel as plain data): a submission
                # that changes its arguments in place must not change the next one's
                inputs = copy.deepcopy(p.inputs)
                with cells.time_limit(p.timeout_s):
                    value = probes[p.check.id](ns, p.check.target, inputs)
                record = CheckRecord(RecordStatus.RETURNED, type=type_name(value), value=to_plain(value))
            except cells.TimeLimit:
                record = CheckRecord(RecordStatus.TIMEOUT, "timeout")
            except BaseException as err:  # student code: anything may come out
                record = CheckRecord(RecordStatus.RAISED, type(err).__name__)
            results.append(engine.judge(p, record, a.settings(p.check), hint=""))
        results = engine.apply_requirements(results, [p.check for p in prepared])
        t3 = time.perf_counter()
        out.append(
            {
                "student": sub["student"],
                "reference_s": t1 - t0,
                "cells_s": t2 - t1,
                "checks_s": t3 - t2,
                "student_s": t3 - t1,
                "total_s": t3 - t0,
                "points": {r.id: r.points for r in results},
            }
        )
    Path(spec["result"]).write_text(json.dumps({"startup_s": startup, "skipped": skipped, "subs": out}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
