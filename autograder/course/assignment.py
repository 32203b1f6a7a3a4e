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
from pathlib import Path

from autograder.checks.check import Check
from autograder.core import config as config_mod
from autograder.core import plaindata
from autograder.core.config import AssignmentConfig, CheckConfig
from autograder.core.limits import Limits
from autograder.core.tolerance import Tolerance
from autograder.course import contract, layout, notebook, rules
from autograder.course.layout import Layout

PUBLIC_CHECKS, HIDDEN_CHECKS = rules.PUBLIC_CHECKS, rules.HIDDEN_CHECKS
FIXTURES = layout.FIXTURES
load_checks = rules.load_checks


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


def load(name: str, *, root: Path, require_release: bool = True) -> Assignment:
    """Loads an assignment from the course repo (instructor side: all checks).

    Raises:
        AssignmentError: A file is missing, or the checks and ``grading.yml`` break a rule of
            :mod:`autograder.course.rules` (the first one; ``autograder validate`` lists them all).
        config.ConfigError: ``grading.yml`` is invalid.
    """
    course = Layout(Path(root))
    all_cfg = config_mod.load(course.grading_yml)
    if name not in all_cfg:
        known = ", ".join(sorted(all_cfg)) or "none"
        raise AssignmentError(f"unknown assignment {name!r} (grading.yml has: {known})")
    for path in (course.source(name), course.release(name)):
        if not path.is_file() and (require_release or path == course.source(name)):
            raise AssignmentError(f"{path}: missing (run `autograder release {name}` to make the release)")
    cfg = all_cfg[name]
    configured = {cid: {"points": c.points, "visibility": c.visibility} for cid, c in cfg.checks.items()}
    problems, defined = rules.assignment_problems(name, configured, course=course.root)
    if problems:
        raise AssignmentError(str(problems[0]))
    fixtures = read_fixtures(course.fixtures(name)) if course.fixtures(name).is_file() else None
    source = notebook.read(course.source(name))
    rel_nb = course.release(name)
    checks = [check for _, check, _ in defined.values()]
    release = notebook.read(rel_nb) if rel_nb.is_file() else source
    checks, cfg = with_contract(checks, cfg, release)
    return Assignment(name, release, source, checks, cfg, fixtures, course.release_folder(name))


def with_contract(checks: list[Check], cfg: AssignmentConfig, release: dict) -> tuple[list[Check], AssignmentConfig]:
    """The checks with the contract's clause checks (:mod:`autograder.course.contract`) after the
    check files' own, and the configuration with their settings."""
    made = contract.clause_checks(
        checks, release, cfg.contract, cfg.checks, default_timeout_s=cfg.limits.check_timeout_s
    )
    if not made:
        return checks, cfg
    settings = {**cfg.checks, **{check.id: setting for check, setting in made}}
    return [*checks, *(check for check, _ in made)], dataclasses.replace(cfg, checks=settings)


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
