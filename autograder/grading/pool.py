"""The term's pool: inputs and expected values that submissions share, computed once and kept.

A public check has one fixed seed; a hidden check with ``hidden_variants: K`` in ``grading.yml`` has
K seeds per term, and each submission's code picks one of them with the course salt, so a student
cannot know which inputs their hidden checks meet. A check's inputs and expected value depend only
on its seed, so they are computed once per term, by ``autograder pool`` before the deadline or by
the first grading run that meets them, and every later run reads them back instead of running the
reference. A run that finds everything in the pool never loads the reference (nor TensorFlow) in
the grader.

The pool lives in the course repo, at ``.autograder/pool/NAME/KEY/``: the workers never see the
course repo, and the release never holds it. ``KEY`` is a digest of everything the values depend on
(:func:`key_parts`): the course salt, the variant count, the reference solution's cells, the
assignment's check and data files, this package's code, and the Python, platform and installed
package versions. Change any of them and the run uses a new, empty folder; a stale value is never
read. Entries are plain data (:mod:`autograder.core.plaindata`: no pickle), one file per
``(check, seed)``, written atomically; an entry that cannot be read is computed again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import platform
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import autograder
from autograder.core import files, plaindata
from autograder.course import notebook
from autograder.course.assignment import Assignment
from autograder.course.layout import Layout, digest, library_files
from autograder.course.testfiles import PytestCheck
from autograder.grading.prepared import seed_is_shared, shared_seeds
from autograder.grading.reference import LazyReference, compute_expected

KEY_FILE = "key.json"


def key_parts(assignment: Assignment, *, root: Path) -> dict[str, str]:
    """What an assignment's pooled values depend on, each part named (written beside the pool as
    ``key.json``, so an instructor can see why a new pool was started).

    Args:
        assignment: The loaded assignment (with its source notebook).
        root: The course repo.
    """
    course = Layout(Path(root))
    reference = hashlib.sha256()
    for cell in notebook.code_cells(assignment.source or assignment.release):
        if cell.kind in ("setup", "solution"):
            reference.update(f"{cell.id}\0{cell.kind}\0{cell.source}\0".encode())
    package = Path(autograder.__file__).parent
    installed = sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions() if d.metadata["Name"]
    )
    return {
        "salt": assignment.config.seed,
        "assignment": assignment.name,
        "hidden_variants": str(assignment.config.hidden_variants),
        "reference": reference.hexdigest(),
        "checks": digest(course.check_files(assignment.name), base=course.solutions(assignment.name)),
        "data": digest(course.data_files(), base=course.data),
        "library": digest(library_files(), base=package),
        "python": f"{sys.version.split()[0]} {platform.machine()} {platform.system()}",
        "packages": hashlib.sha256("\n".join(installed).encode()).hexdigest(),
    }


def _key_digest(parts: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:24]


class Pool:
    """Inputs and expected values by ``(check id, seed)``: in memory, backed by a folder.

    It is the ``cache`` mapping that :func:`autograder.grading.engine.prepare` takes (``key in
    pool``, ``pool[key]``, ``pool[key] = (inputs, expected)``). Callers serialise access (a session
    holds its lock while it prepares a submission's checks).

    Attributes:
        folder: Where entries are kept, or None (memory only).
        read: Entries read back from the folder.
        written: Entries written to the folder.
        problems: Entries that could not be read or written, each said in a sentence.
    """

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        self._memory: dict[tuple[str, int], tuple] = {}
        self.read = 0
        self.written = 0
        self.problems: list[str] = []

    def _path(self, key: tuple[str, int]) -> Path:
        check_id, seed = key
        name = hashlib.sha256(f"{check_id}\0{seed}".encode()).hexdigest()[:32]
        return self.folder / f"{name}.npz"

    def __contains__(self, key: tuple[str, int]) -> bool:
        if key in self._memory:
            return True
        if self.folder is None:
            return False
        path = self._path(key)
        if not path.is_file():
            return False
        try:
            entry = plaindata.loads(path.read_bytes())
            if not (type(entry) is dict and entry.get("check") == key[0] and entry.get("seed") == key[1]):
                raise plaindata.PlainDataError("an entry for another check or seed")
            self._memory[key] = (entry["inputs"], entry["expected"])
        except (OSError, KeyError, plaindata.PlainDataError) as err:
            self.problems.append(f"pool entry {path.name} ({key[0]}, seed {key[1]}) unreadable, computed again: {err}")
            path.unlink(missing_ok=True)  # a cache entry: what replaces it is computed from the reference
            return False
        self.read += 1
        return True

    def __iter__(self) -> Iterator[tuple[str, int]]:
        """The keys held in memory (read back or computed in this run)."""
        return iter(list(self._memory))

    def __len__(self) -> int:
        return len(self._memory)

    def __getitem__(self, key: tuple[str, int]) -> tuple:
        if key not in self:
            raise KeyError(key)
        return self._memory[key]

    def __setitem__(self, key: tuple[str, int], value: tuple) -> None:
        self._memory[key] = value
        if self.folder is None:
            return
        inputs, expected = value
        entry = {"check": key[0], "seed": key[1], "inputs": inputs, "expected": expected}
        try:
            files.write_atomic(self._path(key), plaindata.dumps(entry), durable=False)
        except (OSError, plaindata.PlainDataError) as err:  # kept in memory for this run
            self.problems.append(f"pool entry ({key[0]}, seed {key[1]}) not kept: {err}")
            return
        self.written += 1


def needs_reference(pool: Pool, assignment: Assignment) -> bool:
    """Whether grading this assignment may still run the reference: a check written as a pytest
    test, a hidden check whose inputs are each submission's own, or a shared entry not in the pool."""
    for check in assignment.checks:
        if isinstance(check, PytestCheck):
            return True
        if not seed_is_shared(assignment, check):
            return True
        if any((check.id, seed) not in pool for seed in shared_seeds(assignment, check)):
            return True
    return False


def default_folder(root: Path) -> Path:
    """Where a course keeps its pools: ``.autograder/pool`` in the course repo."""
    return Layout(Path(root)).pool


def open_pool(assignment: Assignment, *, root: Path, folder: Path | None = None) -> Pool:
    """The assignment's pool for today's key (its folder created, readable by the grader's user only).

    Args:
        assignment: The loaded assignment.
        root: The course repo.
        folder: Where pools are kept (default :func:`default_folder`).
    """
    parts = key_parts(assignment, root=root)
    where = Path(folder if folder is not None else default_folder(root)) / assignment.name / _key_digest(parts)
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(where, 0o700)
        key_file = where / KEY_FILE
        if not key_file.is_file():
            files.write_atomic(key_file, json.dumps(parts, indent=1, sort_keys=True).encode(), durable=False)
    except OSError as err:
        print(f"autograder: the pool cannot be kept at {where} ({err}); computing in memory", file=sys.stderr)
        return Pool(None)
    return Pool(where)


@dataclasses.dataclass
class Filled:
    """What :func:`fill` did.

    Attributes:
        folder: The pool's folder.
        entries: Inputs and expected values the pool holds for the assignment's shared seeds.
        computed: How many of them this call computed (the others were there already).
        seconds: Wall time, the reference's loading included.
        problems: Entries that could not be read or kept.
    """

    folder: Path | None
    entries: int
    computed: int
    seconds: float
    problems: list[str]


def fill(assignment: Assignment, *, root: Path, folder: Path | None = None) -> Filled:
    """Computes every shared entry the pool lacks: public checks' and hidden variants'. The
    reference is run only if something is missing.

    Args:
        assignment: The loaded assignment (with its source notebook).
        root: The course repo.
        folder: Where pools are kept (default :func:`default_folder`).

    Raises:
        autograder.grading.reference.ReferenceFailed: The reference failed.
    """
    started = time.perf_counter()
    pool = open_pool(assignment, root=root, folder=folder)
    reference = LazyReference(assignment)
    entries = computed = 0
    for check in assignment.checks:
        if isinstance(check, PytestCheck):
            continue
        for seed in shared_seeds(assignment, check):
            entries += 1
            key = (check.id, seed)
            if key not in pool:
                pool[key] = compute_expected(check, reference(), seed)
                computed += 1
    return Filled(pool.folder, entries, computed, time.perf_counter() - started, pool.problems)
