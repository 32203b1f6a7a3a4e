"""Making a student release with real nbgrader, then its public fixtures.

``nbgrader generate_assignment`` turns ``solutions/NAME`` into ``assignments/NAME`` (solutions
replaced by stubs, hidden tests removed, ``hidden_checks.py`` left out by ``nbgrader_config.py``).
Then the public checks' inputs and expected values are computed from the reference and written to
``assignments/NAME/public_expected.npz``, so a student's self-check needs no solution.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from autograder import assignment as assignment_mod
from autograder import engine, gradecells, plaindata


class ReleaseError(RuntimeError):
    """nbgrader failed; the message carries its output."""


def generate_with_nbgrader(name: str, *, root: Path, dest: Path | None = None) -> Path:
    """Runs ``nbgrader generate_assignment`` for ``name`` in the course at ``root``.

    Args:
        name: The assignment.
        root: The course (this repo), holding ``nbgrader_config.py`` and ``solutions/``.
        dest: Where the release folder goes (default ``root/assignments``).

    Returns:
        The release folder of the assignment.
    """
    root = Path(root).resolve()
    dest = Path(dest).resolve() if dest else root / "assignments"
    with tempfile.TemporaryDirectory(prefix="nbgrader-") as tmp:
        cmd = [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force",
               f"--CourseDirectory.root={root}", f"--CourseDirectory.release_directory={dest}",
               f"--CourseDirectory.db_url=sqlite:///{tmp}/gradebook.db", "--log-level=WARN"]
        path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])  # nbgrader runs `alembic`
        env = {**os.environ, "PATH": path, "JUPYTER_CONFIG_DIR": tmp, "JUPYTER_DATA_DIR": tmp}
        proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReleaseError(f"nbgrader generate_assignment {name} failed:\n{proc.stdout}\n{proc.stderr}")
    return dest / name


def fixtures(assignment: assignment_mod.Assignment) -> dict:
    """Public inputs, expected values and settings, computed from the reference solution."""
    reference = engine.reference_namespace(assignment)
    public = [c for c in assignment.checks if not assignment.settings(c).hidden]
    data = {"assignment": assignment.name, "fixtures": {}, "checks": {},
            "limits": {k: v for k, v in vars(assignment.config.limits).items()}}
    for check in public:
        seed = engine.public_seed(assignment.name, check)
        inputs, expected = engine.compute_expected(check, reference, seed)
        data["fixtures"][check.id] = {"inputs": inputs, "expected": expected, "seed": seed}
        s = assignment.settings(check)
        data["checks"][check.id] = {"points": s.points, "rtol": s.tol.rtol, "atol": s.tol.atol, "timeout_s": s.timeout_s}
    return data


def sync_grade_cells(name: str, *, root: Path, write: bool = True) -> bool:
    """Brings the source notebook's grade cells in line with ``grading.yml``; returns whether it changed."""
    loaded = assignment_mod.load(name, root=root, require_release=False)
    path = Path(root) / "solutions" / name / f"{name}.ipynb"
    synced = gradecells.sync(loaded.source, loaded.config, {c.id: c.target for c in loaded.checks})
    if synced == loaded.source:
        return False
    if write:
        path.write_text(json.dumps(synced, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return True


def release(name: str, *, root: Path, dest: Path | None = None) -> Path:
    """Syncs grade cells, generates the release of ``name`` with nbgrader and writes its public
    fixtures; returns the release folder (``dest/name``, by default ``assignments/name``)."""
    sync_grade_cells(name, root=root, write=dest is None)
    folder = generate_with_nbgrader(name, root=root, dest=dest)
    loaded = assignment_mod.load(name, root=root, require_release=False)
    plaindata.write_atomic(folder / assignment_mod.FIXTURES, plaindata.dumps(fixtures(loaded)))
    stray = folder / assignment_mod.HIDDEN_CHECKS
    if stray.exists():
        stray.unlink()
    for test_file in folder.glob("test_*.py"):  # checks written as pytest tests are hidden
        test_file.unlink()
    shutil.rmtree(folder / "__pycache__", ignore_errors=True)
    return folder
