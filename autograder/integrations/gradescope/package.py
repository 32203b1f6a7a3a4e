"""``autograder gradescope-zip NAME``: the Gradescope autograder zip, built from an allow-list.

Gradescope unpacks the zip into ``/autograder/source`` and runs its top-level ``setup.sh`` once and
``run_autograder`` per submission (see ``gradescope/README.md``). The zip holds only what grading
NAME needs: the package (``pyproject.toml``, ``autograder/``, ``data/``), ``grading.yml``, NAME's
source notebook, checks and fixtures, its release, and the two scripts, with
``gradescope/ASSIGNMENT`` naming NAME. Nothing else is ever taken: no gradebook, no submissions,
results, feedback or other course folders, no ``.git`` or virtual environment, no other
assignment's hidden checks, no links. Entries are sorted and time-stamped 1980-01-01, so the same
files give the same zip.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_COURSE_SUFFIXES = (".ipynb", ".py", ".npz")


class ZipError(ValueError):
    """A file the zip needs is missing; the message names it."""


def allowed_files(name: str, *, root: Path) -> dict[str, Path]:
    """The allow-list: each entry's name in the zip and the file it is read from.

    Args:
        name: The assignment.
        root: The course repo.

    Raises:
        ZipError: A required file (the package, ``grading.yml``, the assignment's notebooks) is missing.
    """
    root = Path(root)
    out: dict[str, Path] = {}

    def take(rel: str, *, required: bool = True) -> None:
        path = root / rel
        if path.is_symlink() or not path.is_file():
            if required:
                raise ZipError(f"{path}: missing (needed in the Gradescope zip)")
            return
        out[rel] = path

    for rel in ("pyproject.toml", "grading.yml", "gradescope/run_autograder", "gradescope/setup.sh", "gradescope/README.md"):
        take(rel)
    for package in ("autograder", "data"):
        if not (root / package).is_dir():
            raise ZipError(f"{root / package}: missing (the package the zip installs)")
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root)
            if "__pycache__" not in rel.parts and not any(p.startswith(".") for p in rel.parts) and not path.is_symlink():
                out[rel.as_posix()] = path
    for folder, required in ((f"solutions/{name}", (f"{name}.ipynb", "public_checks.py")), (f"assignments/{name}", (f"{name}.ipynb",))):
        for item in required:
            take(f"{folder}/{item}")
        for path in sorted((root / folder).iterdir()):
            if path.suffix in _COURSE_SUFFIXES and not path.name.startswith(".") and path.is_file() and not path.is_symlink():
                out[f"{folder}/{path.name}"] = path
    out["setup.sh"] = out["gradescope/setup.sh"]  # Gradescope wants both scripts at the top level
    out["run_autograder"] = out["gradescope/run_autograder"]
    return dict(sorted(out.items()))


def build(name: str, *, root: Path, out: Path) -> list[str]:
    """Writes the zip for ``name`` to ``out``; returns the entries written.

    Raises:
        ZipError: A required file is missing, or ``name`` is not an assignment of ``grading.yml``.
    """
    from autograder.core import config
    from autograder.course.layout import Layout

    if name not in config.load(Layout(Path(root)).grading_yml):
        raise ZipError(f"unknown assignment {name!r} in {Path(root) / 'grading.yml'}")
    files = allowed_files(name, root=root)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for rel, path in files.items():
            info = zipfile.ZipInfo(rel, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = rel in ("setup.sh", "run_autograder") or rel.startswith("gradescope/") and rel.endswith(("setup.sh", "run_autograder"))
            info.external_attr = (0o755 if executable else 0o644) << 16
            archive.writestr(info, path.read_bytes())
        info = zipfile.ZipInfo("gradescope/ASSIGNMENT", date_time=_FIXED_TIME)
        info.external_attr = 0o644 << 16
        archive.writestr(info, name + "\n")
    tmp.replace(out)
    return [*files, "gradescope/ASSIGNMENT"]
