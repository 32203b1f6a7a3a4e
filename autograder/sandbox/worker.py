"""The student's worker: runs submitted cells and check probes, returns plain data only.

Started by :mod:`autograder.sandbox.runner` as ``python -I -m autograder.sandbox.worker REQUEST OUTDIR`` in its own
session, with a scrubbed environment, a private working directory and resource limits. It never
sees expected values; it reads its request and deletes the file before any student code runs; it
writes one plain-data file per probe (``OUTDIR/check-N.npz``) as each finishes, and a ``progress``
file naming what it is doing, so the grader can tell which check a crash or timeout belongs to.
Nothing it writes is trusted: the grader reads it as untrusted data (:mod:`autograder.sandbox.runner`).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from autograder.checks.check import resolve_probe
from autograder.core import files, plaindata
from autograder.sandbox import cells, determinism
from autograder.sandbox.protocol import CellStatus, CheckCall, Phase, RecordStatus, WorkerRequest


def type_name(value) -> str:
    """``module.Class`` of a value, with TensorFlow's eager tensor reported as ``tensorflow.Tensor``."""
    t = type(value)
    name = f"{t.__module__}.{t.__qualname__}"
    if name.startswith("tensorflow.python.framework") or "EagerTensor" in name:
        return "tensorflow.Tensor"
    if "ResourceVariable" in name or name.startswith("keras.src.backend") and "Variable" in name:
        return "tensorflow.Variable"
    if t.__module__ == "builtins":
        return t.__qualname__
    return name


def run_check(check: CheckCall, namespace: dict) -> dict:
    """Runs one probe against the student's namespace and returns its plain-data record."""
    target = check.target
    if target and target not in namespace:
        return {
            "status": RecordStatus.MISSING.value,
            "message": f"'{target}' is not defined: was its cell deleted, renamed or left with an error?",
        }
    probe = resolve_probe(check.probe)
    determinism.apply(check.seed)
    try:
        with cells.time_limit(check.timeout_s):
            value = probe(namespace, target, check.inputs)
    except cells.TimeLimit:
        return {"status": RecordStatus.TIMEOUT.value, "message": f"{target} ran for more than {check.timeout_s:g} s"}
    except NotImplementedError:
        return {
            "status": RecordStatus.NOT_IMPLEMENTED.value,
            "message": f"{target} is not implemented yet (it raises NotImplementedError)",
        }
    except BaseException as err:
        exc, cell, line = cells.error_origin(err)
        return {
            "status": RecordStatus.RAISED.value,
            "message": f"{target} raised {cells.student_error(err)}",
            "exception": exc,
            "cell": cell,
            "line": line,
        }
    kind = type_name(value)
    try:
        plain = plaindata.to_plain(value)
        plaindata.dumps(plain)
    except plaindata.PlainDataError as err:
        return {
            "status": RecordStatus.UNPLAIN.value,
            "type": kind,
            "message": f"{target} returned {err.args[0]}, which cannot be graded",
        }
    except BaseException as err:
        return {
            "status": RecordStatus.UNPLAIN.value,
            "type": kind,
            "message": f"{target} returned a value that cannot be converted ({type(err).__name__})",
        }
    return {"status": RecordStatus.RETURNED.value, "type": kind, "value": plain}


def _shared_calls(checks) -> dict:
    """``{index: key}`` for the checks whose call another check of the request makes too (the
    key names the call: target, probe, seed and a digest of the inputs)."""
    by_call: dict = {}
    for check in checks:
        by_call.setdefault((check.target, repr(check.probe), check.seed), []).append(check)
    out: dict = {}
    for (target, probe, seed), same in by_call.items():
        if len(same) > 1:
            for check in same:
                digest = hashlib.sha256(plaindata.dumps(check.inputs)).hexdigest()
                out[check.index] = (target, probe, seed, digest)
    return out


def _progress(outdir: Path, phase: Phase) -> None:
    files.write_atomic(outdir / "progress", phase.note().encode())


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python -m autograder.sandbox.worker REQUEST OUTDIR``."""
    argv = sys.argv[1:] if argv is None else argv
    request_path = Path(argv[0])
    raw = request_path.read_bytes()
    try:  # gone before any student code runs: a cell or probe cannot read other checks' inputs from it
        request_path.unlink()
    except OSError:
        pass
    plain = plaindata.loads(raw)
    del raw
    request = WorkerRequest.from_plain(plain)
    outdir = Path(argv[1])
    os.chdir(plain.get("workdir", os.getcwd()))
    del plain
    if request.preload_tensorflow:
        determinism.load_tensorflow()
    namespace: dict = {"__name__": "__main__", "__builtins__": __builtins__}
    runs = []
    for cell in request.cells:
        _progress(outdir, Phase.of_cell(cell.id))
        defs_only = cell.id in request.definitions_only
        source = cells.definitions_only(cell.source) if defs_only else cell.source
        run = cells.run_cell(
            cell.id, source, namespace, timeout_s=request.cell_timeout_s, allow_fallback=cell.kind == "solution"
        )
        runs.append(
            {
                "id": run.cell_id,
                "status": CellStatus.DEFINITIONS_ONLY.value
                if defs_only and run.status == CellStatus.OK
                else run.status,
                "message": run.message,
            }
        )
    files.write_atomic(outdir / "cells.npz", plaindata.dumps(runs))
    _run_checks(request, namespace, outdir)
    _progress(outdir, Phase.done())
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown (TensorFlow's can take seconds)


def _run_checks(request: WorkerRequest, namespace: dict, outdir: Path) -> None:
    """Runs the request's checks in order, each record written as it finishes; a function that ran
    out of time is not called again, nor is any check that runs it (``SKIPPED``). Checks that
    make the same call (target, probe, seed and inputs: the contract's clauses) share one run."""
    stuck: set[str] = set()
    shared, records = _shared_calls(request.checks), {}
    for check in request.checks:
        _progress(outdir, Phase.of_check(check.index))
        key = shared.get(check.index)
        if stuck.intersection((check.target, *check.uses)):
            record = {"status": RecordStatus.SKIPPED.value}
        elif key is not None and key in records:
            record = records[key]
        else:
            record = run_check(check, namespace)
            if key is not None:
                records[key] = record
            if record["status"] == RecordStatus.TIMEOUT.value:
                stuck.add(check.target)
        try:
            data = plaindata.dumps(record)
        except plaindata.PlainDataError as err:
            data = plaindata.dumps(
                {"status": RecordStatus.UNPLAIN.value, "message": f"{check.target} returned {err.args[0]}"}
            )
        files.write_atomic(outdir / f"check-{check.index}.npz", data)


if __name__ == "__main__":
    main()
