"""Grading on a Dask cluster: each submission is one task; results come back as plain data.

Every Dask worker needs the course at the same path (``root``) and this package installed. A worker
process loads the assignment, its reference and a fork server once (cached per process), grades
the notebooks it is sent with the same engine and confinement as a local batch, and returns each
result as a dict; the client writes the same ``result.json`` files as a local run.
"""

from __future__ import annotations

import contextlib
import functools
import tempfile
from pathlib import Path

from autograder.core import results


@functools.lru_cache(maxsize=8)
def _session(root: str, assignment: str, pool: str | None):
    """This Dask worker's grading session for one assignment, kept for the process's lifetime."""
    from autograder.course import assignment as assignment_mod
    from autograder.grading.session import open_session

    loaded = assignment_mod.load(assignment, root=Path(root))
    stack = contextlib.ExitStack()  # never closed: the fork server lives as long as the Dask worker
    return stack, stack.enter_context(
        open_session(loaded, root=Path(root), hide=[Path.home()], pool=Path(pool) if pool else None)
    )


def grade_task(notebook_bytes: bytes, name: str, *, root: str, assignment: str, pool: str | None = None) -> dict:
    """A Dask task: grades one notebook (sent as bytes) and returns its complete result as plain data
    (:func:`autograder.core.results.to_wire`)."""
    _stack, session = _session(root, assignment, pool)
    with tempfile.TemporaryDirectory(prefix="autograder-sub-") as tmp:
        path = Path(tmp) / f"{name}.ipynb"
        path.write_bytes(notebook_bytes)
        result = session.grade(path, name=name)
    return results.to_wire(result)


def grade_on_cluster(
    todo: list[tuple[bytes, str]], *, scheduler: str, root: Path, assignment: str, on_result, pool: Path | None = None
) -> None:
    """Sends each (notebook bytes, name) to the cluster at ``scheduler``; calls ``on_result(result)``
    once per submission as each finishes. A task whose Dask worker dies is run again on another
    worker by the scheduler; it is reported once, when it finishes."""
    from distributed import Client, as_completed

    with Client(scheduler) as client:
        futures = [
            client.submit(
                grade_task,
                data,
                name,
                root=str(Path(root).resolve()),
                assignment=assignment,
                pool=str(Path(pool).resolve()) if pool is not None else None,
                key=f"grade-{assignment}-{name}",
                pure=False,
            )
            for data, name in todo
        ]
        for future in as_completed(futures):
            on_result(results.from_wire(future.result()))
