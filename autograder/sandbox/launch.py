"""Turning a fresh process into a worker: limits, confinement, output, then the worker's own code.

Both ways of starting a worker end here: a child forked by the fork server
(:mod:`autograder.sandbox.forkserver`), and a new interpreter started as
``python -I -m autograder.sandbox.launch JOB`` (``--no-fork``, and the confinement probe). A job
is plain JSON: ``request``, ``outdir``, ``workdir``, ``base`` (the worker's folder), ``fifo`` (its
output, or None to keep stdout), ``limits`` and ``plan`` (:class:`autograder.sandbox.isolation.Plan`,
or None), and ``probe`` for the probe (:mod:`autograder.sandbox.confinement`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import traceback

from autograder.sandbox import isolation, processes


def become_worker(job: dict) -> None:
    """Never returns: confines this process as ``job`` says and runs the worker (or the probe)."""
    code = 70
    try:
        try:
            os.setsid()
        except OSError:  # already a session leader (started with start_new_session)
            pass
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        limits = job["limits"]
        processes.set_resource_limits(file_mb=limits["file_mb"], open_files=limits["open_files"])
        plan = isolation.Plan.from_json(job["plan"]) if job.get("plan") else None
        isolation.enter(plan, base=job["base"])
        _redirect(job)
        if job.get("probe"):
            from autograder.sandbox import confinement

            code = confinement.run_probe(job["probe"])
            return
        from autograder.sandbox import worker

        worker.main([job["request"], job["outdir"]])
    except OSError as err:  # a confinement step the host refused: one line, for the probe's reason
        print(f"cannot confine the worker: {err.args[-1] if err.args else err}", file=sys.stderr, flush=True)
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        sys.stderr.flush()
    finally:
        os._exit(code)


def _redirect(job: dict) -> None:
    """The worker's output into its FIFO (when it has one), stdin from ``/dev/null``, home and
    working folder its own."""
    if job.get("fifo"):
        out = os.open(job["fifo"], os.O_WRONLY)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.close(out)
        sys.stdout = os.fdopen(1, "w", buffering=1)
        sys.stderr = os.fdopen(2, "w", buffering=1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(os.devnull)
    os.environ["HOME"] = os.environ["TMPDIR"] = job["workdir"]
    os.chdir(job["workdir"])


if __name__ == "__main__":
    become_worker(json.loads(sys.argv[1]))
