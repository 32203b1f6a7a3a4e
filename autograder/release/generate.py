"""Making a student release with real nbgrader, then its public fixtures.

``nbgrader generate_assignment`` turns ``solutions/NAME`` into ``assignments/NAME`` (solutions
replaced by stubs, hidden tests removed, ``hidden_checks.py`` left out by ``nbgrader_config.py``).
The public checks' inputs and expected values are computed from the reference first and written to
``solutions/NAME/public_expected.npz``, which nbgrader copies into the release, so a student's
self-check needs no solution and ``nbgrader generate_assignment --force`` keeps the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from autograder.core import files, plaindata
from autograder.course import assignment as assignment_mod
from autograder.course.layout import Layout
from autograder.grading.prepared import public_seed
from autograder.grading.reference import compute_expected, reference_namespace
from autograder.release import gradecells


class ReleaseError(RuntimeError):
    """nbgrader failed; the message carries its output."""


def generate_with_nbgrader(name: str, *, root: Path, dest: Path | None = None) -> Path:
    """Runs ``nbgrader generate_assignment`` for ``name`` in the course at ``root``.

    Into the course's own release folder, the assignment and its grade cells are also added to the
    course's gradebook (nbgrader's default ``gradebook.db`` at the root, or the ``db_url`` of
    ``nbgrader_config.py``), so ``nbgrader autograde NAME`` works next; a release elsewhere
    (``dest``, as the tests make) uses a throwaway gradebook.

    Args:
        name: The assignment.
        root: The course (this repo), holding ``nbgrader_config.py`` and ``solutions/``.
        dest: Where the release folder goes (default ``root/assignments``).

    Returns:
        The release folder of the assignment.
    """
    root = Path(root).resolve()
    releases = Layout(root).release_folder(name).parent
    dest = Path(dest).resolve() if dest else releases
    with tempfile.TemporaryDirectory(prefix="nbgrader-") as tmp:
        cmd = [
            sys.executable,
            "-m",
            "nbgrader",
            "generate_assignment",
            name,
            "--force",
            f"--CourseDirectory.root={root}",
            f"--CourseDirectory.release_directory={dest}",
            "--log-level=WARN",
        ]
        if dest != releases:
            cmd.append(f"--CourseDirectory.db_url=sqlite:///{tmp}/gradebook.db")
        path = os.pathsep.join(
            [str(Path(sys.executable).parent), os.environ.get("PATH", "")]
        )  # nbgrader runs `alembic`
        env = {**os.environ, "PATH": path, "JUPYTER_CONFIG_DIR": tmp, "JUPYTER_DATA_DIR": tmp}
        proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReleaseError(f"nbgrader generate_assignment {name} failed:\n{proc.stdout}\n{proc.stderr}")
    return dest / name


def fixtures(assignment: assignment_mod.Assignment) -> dict:
    """Public inputs, expected values and settings, computed from the reference solution."""
    reference = reference_namespace(assignment)
    public = [c for c in assignment.checks if not assignment.settings(c).hidden]
    data = {
        "assignment": assignment.name,
        "fixtures": {},
        "checks": {},
        "limits": {k: v for k, v in vars(assignment.config.limits).items()},
    }
    for check in public:
        seed = public_seed(assignment.name, check)
        inputs, expected = compute_expected(check, reference, seed)
        data["fixtures"][check.id] = {"inputs": inputs, "expected": expected, "seed": seed}
        s = assignment.settings(check)
        data["checks"][check.id] = {
            "points": s.points,
            "rtol": s.tol.rtol,
            "atol": s.tol.atol,
            "timeout_s": s.timeout_s,
        }
    return data


def sync_grade_cells(name: str, *, root: Path, write: bool = True) -> bool:
    """Brings the source notebook's grade cells in line with ``grading.yml``; returns whether it changed."""
    loaded = assignment_mod.load(name, root=root, require_release=False)
    path = Layout(Path(root)).source(name)
    synced = gradecells.sync(loaded.source, loaded.config, {c.id: c.target for c in loaded.checks})
    if synced == loaded.source:
        return False
    if write:
        path.write_text(json.dumps(synced, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return True


def same_content(old: object, new: object) -> bool:
    """Whether two fixture documents hold the same data: same structure, keys, types, dtypes and
    shapes, inputs and settings equal, floats equal to within a few units in the last place of the array's
    largest value (a reference's ``np.exp`` differs by 1e-16 between CPUs' vector units)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same_content(old[k], new[k]) for k in old)
    if isinstance(old, (list, tuple)):
        return len(old) == len(new) and all(same_content(a, b) for a, b in zip(old, new))
    if isinstance(old, np.ndarray):
        if old.dtype != new.dtype or old.shape != new.shape:
            return False
        if old.dtype.kind == "f":
            eps = 16 * np.finfo(old.dtype).eps  # relative to the array's scale: s * (1 - s) cancels
            scale = float(np.max(np.abs(old[np.isfinite(old)]), initial=0.0))
            return bool(np.allclose(old, new, rtol=eps, atol=eps * scale, equal_nan=True))
        return bool(np.array_equal(old, new))
    if isinstance(old, float):
        return old == new or abs(old - new) <= 8 * np.finfo(float).eps * abs(old) or (old != old and new != new)
    return old == new


def write_fixtures(path: Path, data: dict) -> bool:
    """Writes the fixtures to ``path`` unless the file already holds the same content
    (:func:`same_content`), so a re-release leaves the committed file byte for byte alone.

    Returns:
        Whether the file was (re)written.
    """
    path = Path(path)
    if path.is_file():
        try:
            if same_content(plaindata.loads(path.read_bytes()), plaindata.loads(plaindata.dumps(data))):
                return False
        except plaindata.PlainDataError:
            pass
    files.write_atomic(path, plaindata.dumps(data))
    return True


def release(name: str, *, root: Path, dest: Path | None = None) -> Path:
    """Syncs grade cells, writes the public fixtures and generates the release of ``name`` with
    nbgrader; returns the release folder (``dest/name``, by default ``assignments/name``).

    The fixtures (``public_expected.npz``) are written beside the source notebook
    (``solutions/NAME/``), so nbgrader copies them into the release like ``public_checks.py`` and
    ``nbgrader generate_assignment NAME --force`` keeps them. They hold only public inputs and
    expected values: the release ships them anyway.
    """
    root = Path(root)
    sync_grade_cells(name, root=root, write=dest is None)
    loaded = assignment_mod.load(name, root=root, require_release=False)
    data = fixtures(loaded)
    if dest is None:
        write_fixtures(Layout(root).solutions(name) / assignment_mod.FIXTURES, data)
    folder = generate_with_nbgrader(name, root=root, dest=dest)
    write_fixtures(folder / assignment_mod.FIXTURES, data)
    stray = folder / assignment_mod.HIDDEN_CHECKS
    if stray.exists():
        stray.unlink()
    for test_file in folder.glob("test_*.py"):  # checks written as pytest tests are hidden
        test_file.unlink()
    shutil.rmtree(folder / "__pycache__", ignore_errors=True)
    return folder
