"""Finding an assignment's notebooks, checks, settings and public fixtures.

Instructor layout (the repo is the nbgrader course)::

    solutions/NAME/NAME.ipynb          source notebook with solutions and hidden tests
    solutions/NAME/public_checks.py    CHECKS: public checks (released with the notebook)
    solutions/NAME/hidden_checks.py    CHECKS: hidden checks (never released)
    assignments/NAME/NAME.ipynb        student release, made by nbgrader
    assignments/NAME/public_checks.py  copy made by nbgrader
    assignments/NAME/public_expected.npz  public inputs, expected values and settings
    grading.yml                        points, visibility, tolerances, limits

A student's folder holds only the release files; ``autograder check`` needs nothing else.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

from autograder.checks.check import Check
from autograder.core import config as config_mod
from autograder.core import plaindata
from autograder.core.config import AssignmentConfig, CheckConfig
from autograder.core.limits import Limits
from autograder.core.seeds import stable_seed
from autograder.core.tolerance import Tolerance
from autograder.course import layout, notebook, testfiles
from autograder.course.layout import Layout

PUBLIC_CHECKS = "public_checks.py"
HIDDEN_CHECKS = "hidden_checks.py"
FIXTURES = layout.FIXTURES


class AssignmentError(ValueError):
    """The assignment cannot be found or its files disagree; the message says which file."""


@dataclasses.dataclass
class Assignment:
    """Everything the grader needs about one assignment.

    Attributes:
        name: The assignment's name.
        release: The release notebook (JSON).
        source: The instructor's source notebook, or None in a student's folder.
        checks: All checks available here, public then hidden.
        config: Points, visibility, tolerances and limits.
        fixtures: Public inputs and expected values by check id (from the release folder).
        release_dir: Folder of the release.
    """

    name: str
    release: dict
    source: dict | None
    checks: list[Check]
    config: AssignmentConfig
    fixtures: dict | None
    release_dir: Path

    def settings(self, check: Check) -> CheckConfig:
        """The settings of a check."""
        return self.config.checks[check.id]


def load_checks(path: Path) -> list[Check]:
    """Imports a checks module and returns its ``CHECKS`` list."""
    if not path.is_file():
        return []
    module_name = f"autograder_checks_{stable_seed(str(path.resolve()))}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = getattr(module, "CHECKS", None)
    if not isinstance(found, list) or not all(isinstance(c, Check) for c in found):
        raise AssignmentError(f"{path}: must define CHECKS, a list of autograder.checks.check.Check")
    return found


def load_test_checks(name: str, folder: Path, cfg: AssignmentConfig) -> list[Check]:
    """The checks written as pytest tests in ``folder/test_*.py`` (hidden only), validated against
    ``grading.yml`` (see :mod:`autograder.grading.testchecks`).

    Raises:
        AssignmentError: A test file breaks the rules, or disagrees with ``grading.yml``.
    """
    try:
        found = testfiles.load(folder)
        testfiles.validate(name, found, cfg.checks)
    except testfiles.PytestCheckError as err:
        raise AssignmentError(str(err)) from None
    return list(found)


def _validate(name: str, checks: list[Check], cfg: AssignmentConfig, hidden_ids: set[str]) -> None:
    ids = [c.id for c in checks]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise AssignmentError(f"{name}: check id {dup[0]!r} is defined twice")
    missing = [i for i in ids if i not in cfg.checks]
    if missing:
        raise AssignmentError(
            f"grading.yml: assignments.{name}.checks.{missing[0]} is missing (the check exists in the checks files)"
        )
    extra = [i for i in cfg.checks if i not in ids]
    if extra:
        raise AssignmentError(
            f"grading.yml: assignments.{name}.checks.{extra[0]} names no check in {PUBLIC_CHECKS} or {HIDDEN_CHECKS}"
        )
    for check_id, settings in cfg.checks.items():
        if (check_id in hidden_ids) != settings.hidden:
            where = HIDDEN_CHECKS if check_id in hidden_ids else PUBLIC_CHECKS
            raise AssignmentError(
                f"grading.yml: assignments.{name}.checks.{check_id}.visibility is {settings.visibility}, but the check is in {where}"
            )
    for check in checks:
        for req in check.requires:
            if req not in ids:
                raise AssignmentError(
                    f"{name}: check {check.id!r} requires {req!r}, which is not a check of this assignment"
                )
            if req in hidden_ids and check.id not in hidden_ids:
                raise AssignmentError(
                    f"{name}: public check {check.id!r} requires hidden check {req!r} (the self-check could not judge it)"
                )


def load(name: str, *, root: Path, require_release: bool = True) -> Assignment:
    """Loads an assignment from the course repo (instructor side: all checks).

    Raises:
        AssignmentError: A file is missing, or the checks and ``grading.yml`` disagree.
        config.ConfigError: ``grading.yml`` is invalid.
    """
    course = Layout(Path(root))
    all_cfg = config_mod.load(course.grading_yml)
    if name not in all_cfg:
        known = ", ".join(sorted(all_cfg)) or "none"
        raise AssignmentError(f"unknown assignment {name!r} (grading.yml has: {known})")
    src_dir, rel_dir = course.solutions(name), course.release_folder(name)
    for path in (course.source(name), course.release(name)):
        if not path.is_file() and (require_release or path.parent == src_dir):
            raise AssignmentError(f"{path}: missing (run `autograder release {name}` to make the release)")
    public = load_checks(src_dir / PUBLIC_CHECKS)
    hidden = load_checks(src_dir / HIDDEN_CHECKS)
    cfg = all_cfg[name]
    hidden = hidden + load_test_checks(name, src_dir, cfg)
    _validate(name, public + hidden, cfg, {c.id for c in hidden})
    fixtures = read_fixtures(course.fixtures(name)) if course.fixtures(name).is_file() else None
    source = notebook.read(course.source(name))
    rel_nb = course.release(name)
    return Assignment(
        name, notebook.read(rel_nb) if rel_nb.is_file() else source, source, public + hidden, cfg, fixtures, rel_dir
    )


def load_release(folder: Path, name: str | None = None) -> Assignment:
    """Loads the public part of an assignment from a student's release folder.

    Raises:
        AssignmentError: The folder lacks the release notebook, public checks or fixtures.
    """
    folder = Path(folder)
    fixtures_path = folder / FIXTURES
    if not fixtures_path.is_file():
        raise AssignmentError(f"{fixtures_path}: missing; the self-check needs the files released with the notebook")
    fixtures = read_fixtures(fixtures_path)
    name = name or fixtures["assignment"]
    checks = load_checks(folder / PUBLIC_CHECKS)
    settings = {
        cid: CheckConfig(f["points"], "public", Tolerance(f["rtol"], f["atol"]), f["timeout_s"])
        for cid, f in fixtures["checks"].items()
    }
    limits = Limits(**fixtures["limits"])
    cfg = AssignmentConfig(name, settings, limits, seed="public")
    unknown = [c.id for c in checks if c.id not in settings]
    if unknown:
        raise AssignmentError(f"{fixtures_path}: no fixture for check {unknown[0]!r}; the release is out of date")
    return Assignment(name, notebook.read(folder / f"{name}.ipynb"), None, checks, cfg, fixtures, folder)


def read_fixtures(path: Path) -> dict:
    """Reads public fixtures written by :func:`autograder.release.generate.write_fixtures`."""
    try:
        return plaindata.loads(Path(path).read_bytes())
    except plaindata.PlainDataError as err:
        raise AssignmentError(f"{path}: unreadable ({err})") from None
