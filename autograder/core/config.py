"""Loading and validating ``grading.yml``: points, visibility, tolerances and limits.

Layout::

    seed: course-2026            # salt for hidden inputs (change it every term)
    sandbox: {require: full}     # refuse to grade unless workers get this confinement (full, landlock, none)
    defaults: {rtol: 1.0e-7, atol: 1.0e-9, limits: {check_timeout_s: 60}, hidden_variants: 8}
    consequential: charge        # a check failed because a function it calls failed: charge or waive
    contract: {unchanged: 0.5, own_result: 0.25, repeatable: 0.25, dtype: 0.5, no_warning: 0.5, built_on: 1}
    late: {per: day, penalty: 0.1, cap: 0.5}   # 10% of the points earned per started day late, at most 50%
    assignments:
      a1_perceptron:
        limits: {memory_mb: 3072}
        contract: {repeatable: 0}  # per assignment, over the course's (0: not checked)
        hidden_variants: 16        # a pool of 16 hidden-input variants per check (absent: one per submission)
        due: 2026-10-12T23:59:00+01:00   # ISO 8601; without an offset, UTC (autograder.term)
        manual:                    # questions marked by hand (term/manual/NAME.csv), with their points
          explain_plot: {points: 2, title: "Why does the gradient vanish?"}
        checks:
          sigmoid.values: {points: 1, visibility: public}
          sigmoid.isolation: {points: 1, visibility: hidden, rtol: 1.0e-6}

:data:`SCHEMA` is the one description of the file's shape: :func:`parse` raises on its first
problem and ``autograder validate`` reports them all (:func:`schema_problems`), every problem named
by its path (:func:`key_path`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import jsonschema
import yaml

from autograder.core.limits import Limits
from autograder.core.tolerance import Tolerance

GRADING_FILE = "grading.yml"
SANDBOX_LEVELS = ("full", "landlock", "none")  # the strongest first: autograder.sandbox.confinement.LEVELS
_VISIBILITY = ("public", "hidden")
CONSEQUENTIAL = ("charge", "waive")  # autograder.grading.causes.POLICIES
CONTRACT_CLAUSES = ("unchanged", "own_result", "repeatable", "dtype", "no_warning", "built_on")
"""The clauses of the contract every graded function keeps (:mod:`autograder.checks.contract`)."""


LATE_UNITS = ("none", "hour", "day")
"""How lateness is counted: not at all, per started hour, per started day."""


class ConfigError(ValueError):
    """``grading.yml`` does not match the schema; the message names the bad key."""


@dataclasses.dataclass(frozen=True)
class CheckConfig:
    """Settings of one check.

    Attributes:
        points: Points for passing.
        visibility: ``public`` (students see details and can self-check) or ``hidden``.
        tol: Tolerance for values.
        timeout_s: Wall-time limit of the check in the worker.
    """

    points: float
    visibility: str = "public"
    tol: Tolerance = Tolerance()
    timeout_s: float | None = None

    @property
    def hidden(self) -> bool:
        """Whether the check is hidden from students."""
        return self.visibility == "hidden"


@dataclasses.dataclass(frozen=True)
class ManualQuestion:
    """A question marked by hand (``grading.yml``'s ``manual:``; the marks are in the term's files).

    Attributes:
        points: Points available.
        title: What it asks, for reports.
    """

    points: float
    title: str = ""


@dataclasses.dataclass(frozen=True)
class LatePolicy:
    """What a late submission costs.

    Attributes:
        per: ``none`` (no penalty), ``hour`` or ``day``: the unit of lateness, counted per started unit.
        penalty: The fraction of the points earned taken per unit late.
        cap: The largest fraction taken in all.
        grace_minutes: Lateness up to this is not late.
    """

    per: str = "none"
    penalty: float = 0.0
    cap: float = 1.0
    grace_minutes: float = 0.0


@dataclasses.dataclass(frozen=True)
class AssignmentConfig:
    """Settings of one assignment: its checks (in file order), limits, and the hidden-input salt.

    Attributes:
        name: The assignment's name.
        checks: Check id to its settings.
        limits: The worker's limits.
        seed: The course's salt of hidden inputs.
        title: A title for reports.
        hidden_variants: How many hidden-input variants each hidden check has (a pool, chosen per
            submission from its code, so expected values are computed once per variant and run);
            None gives every submission inputs of its own.
        sandbox: The confinement grading requires (the course's ``sandbox.require``): ``full``
            (namespaces: the course hidden, no network, processes contained), ``landlock`` (at
            least Landlock's file and TCP rules) or ``none``.
        consequential: What a check costs that failed because a graded function it calls failed
            first: ``charge`` (its points, like any failure; the default) or ``waive`` (none, and
            the submission is flagged for review).
        contract: Points of each clause of the contract, checked on every graded function with a
            values check (:mod:`autograder.course.contract`); a clause absent or at 0 is not checked.
        manual: Questions marked by hand, by id.
        due: The due date (aware, UTC when the file gives no offset), or None.
        late: What lateness costs (the course's ``late:``, per assignment over it).
    """

    name: str
    checks: dict[str, CheckConfig]
    limits: Limits
    seed: str
    title: str = ""
    hidden_variants: int | None = None
    sandbox: str = "full"
    consequential: str = "charge"
    contract: dict[str, float] = dataclasses.field(default_factory=dict)
    manual: dict[str, ManualQuestion] = dataclasses.field(default_factory=dict)
    due: dt.datetime | None = None
    late: LatePolicy = LatePolicy()


_NUMBER = {"type": "number", "minimum": 0}
_VARIANTS = {"type": "integer", "minimum": 1}
_LIMITS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {f.name: _NUMBER for f in dataclasses.fields(Limits)},
}
_CONTRACT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {clause: _NUMBER for clause in CONTRACT_CLAUSES},
}
_FRACTION = {"type": "number", "minimum": 0, "maximum": 1}
_LATE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"per": {"enum": list(LATE_UNITS)}, "penalty": _FRACTION, "cap": _FRACTION, "grace_minutes": _NUMBER},
}
_MANUAL = {
    "type": "object",
    "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "required": ["points"],
        "properties": {"points": _NUMBER, "title": {"type": "string"}},
    },
}
_CHECK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["points"],
    "properties": {
        "points": _NUMBER,
        "visibility": {"enum": list(_VISIBILITY)},
        "rtol": _NUMBER,
        "atol": _NUMBER,
        "timeout_s": _NUMBER,
    },
}
_ASSIGNMENT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "limits": _LIMITS,
        "hidden_variants": _VARIANTS,
        "consequential": {"enum": list(CONSEQUENTIAL)},
        "contract": _CONTRACT,
        "due": {"type": "string"},
        "late": _LATE,
        "manual": _MANUAL,
        "checks": {"type": "object", "additionalProperties": _CHECK},
    },
}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "seed": {"type": ["string", "number"]},
        "consequential": {"enum": list(CONSEQUENTIAL)},
        "contract": _CONTRACT,
        "late": _LATE,
        "sandbox": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"require": {"enum": list(SANDBOX_LEVELS)}},
        },
        "defaults": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"rtol": _NUMBER, "atol": _NUMBER, "limits": _LIMITS, "hidden_variants": _VARIANTS},
        },
        "assignments": {"type": "object", "additionalProperties": _ASSIGNMENT},
    },
}
"""The one schema of ``grading.yml``: loading (:func:`parse`) and ``autograder validate`` both use it."""


def key_path(parts) -> str:
    """An unambiguous path: identifiers joined by dots, other keys quoted in brackets
    (``assignments.a1.checks["sigmoid.values"].points``)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(part)):
            out += ("." if out else "") + str(part)
        else:
            out += f'["{part}"]'
    return out


@dataclasses.dataclass(frozen=True)
class SchemaProblem:
    """One way a document breaks :data:`SCHEMA`.

    Attributes:
        parts: Where, as keys from the top.
        message: What is wrong and what is expected.
        at_key: Whether the problem is the key itself (unknown, missing) rather than its value.
    """

    parts: tuple
    message: str
    at_key: bool = False

    def __str__(self) -> str:
        return f"{key_path(self.parts) or GRADING_FILE}: {self.message}"


def parse_due(text: str) -> dt.datetime:
    """A due date from ISO 8601 text (``2026-10-12T23:59``, ``2026-10-12 23:59:00+02:00``, ``2026-10-12``:
    the end of that day is not assumed, midnight is), aware: UTC when no offset is given.

    Raises:
        ValueError: The text is not such a date.
    """
    when = dt.datetime.fromisoformat(str(text).strip())
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def _plain(data):
    """``data`` with YAML's dates and times (an unquoted ``due: 2026-10-12 23:59``) as ISO text."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, dt.datetime | dt.date):
        return data.isoformat()
    return data


def _due_problems(data) -> list[SchemaProblem]:
    out = []
    assignments = data.get("assignments") if isinstance(data, dict) else None
    for name, body in (assignments or {}).items() if isinstance(assignments, dict) else ():
        due = body.get("due") if isinstance(body, dict) else None
        if isinstance(due, str):
            try:
                parse_due(due)
            except ValueError:
                out.append(
                    SchemaProblem(
                        ("assignments", name, "due"),
                        f"expected a date and time such as 2026-10-12T23:59:00+01:00 (ISO 8601), got {due!r}",
                    )
                )
    return out


def schema_problems(data) -> list[SchemaProblem]:
    """Every way ``data`` (``grading.yml`` as read) breaks :data:`SCHEMA`, in the order of their paths."""
    data = _plain(data)
    out = _due_problems(data)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        parts = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            allowed = sorted(err.schema.get("properties", {}))
            for extra in sorted(set(err.instance) - set(allowed), key=str):
                out.append(SchemaProblem((*parts, extra), f"unknown key (allowed: {', '.join(allowed)})", True))
        elif "propertyNames" in err.schema_path:
            out.append(SchemaProblem((*parts, err.instance), "a question id: lower-case letters, digits and _", True))
        elif err.validator == "required":
            out += [SchemaProblem((*parts, r), "required", True) for r in err.validator_value if r not in err.instance]
        else:
            out.append(SchemaProblem(parts, _said(err)))
    return out


def _said(err) -> str:
    if err.validator in ("type", "minimum") and err.schema is _NUMBER:
        return f"expected a non-negative number, got {err.instance!r}"
    if err.validator in ("type", "minimum", "maximum") and err.schema is _FRACTION:
        return f"expected a fraction from 0 to 1, got {err.instance!r}"
    if err.validator in ("type", "minimum") and err.schema is _VARIANTS:
        return f"expected a whole number of at least 1, got {err.instance!r}"
    if err.validator == "enum":
        return f"expected one of {', '.join(map(str, err.validator_value))}, got {err.instance!r}"
    if err.validator == "type":
        wanted = err.validator_value if isinstance(err.validator_value, str) else " or ".join(err.validator_value)
        return f"expected {wanted}, got {type(err.instance).__name__}"
    return err.message


def _checks(data: dict, default_tol: Tolerance) -> dict[str, CheckConfig]:
    """Check id to its settings, in the mapping's order (``data`` already meets the schema)."""
    out = {}
    for check_id, settings in data.items():
        tol = Tolerance(settings.get("rtol", default_tol.rtol), settings.get("atol", default_tol.atol))
        out[str(check_id)] = CheckConfig(
            settings["points"], settings.get("visibility", "public"), tol, settings.get("timeout_s")
        )
    return out


def parse(data) -> dict[str, AssignmentConfig]:
    """Validates the whole document of ``grading.yml`` against :data:`SCHEMA` and reads it.

    Raises:
        ConfigError: The first problem :func:`schema_problems` finds, its key named by its path.
    """
    data = _plain({} if data is None else data)
    problems = schema_problems(data)
    if problems:
        raise ConfigError(str(problems[0]))
    seed = str(data.get("seed", "autograder"))
    defaults = data.get("defaults", {})
    tol = Tolerance(defaults.get("rtol", 1e-7), defaults.get("atol", 1e-9))
    base_limits = dataclasses.replace(Limits(), **defaults.get("limits", {}))
    required = data.get("sandbox", {}).get("require", "full")
    out = {}
    for name, body in data.get("assignments", {}).items():
        limits = dataclasses.replace(base_limits, **body.get("limits", {}))
        checks = _checks(body.get("checks", {}), tol)
        variants = body.get("hidden_variants", defaults.get("hidden_variants"))
        out[str(name)] = AssignmentConfig(
            str(name),
            checks,
            limits,
            seed,
            str(body.get("title", "")),
            variants,
            required,
            body.get("consequential", data.get("consequential", "charge")),
            {**data.get("contract", {}), **body.get("contract", {})},
            {str(q): ManualQuestion(m["points"], str(m.get("title", ""))) for q, m in body.get("manual", {}).items()},
            parse_due(body["due"]) if "due" in body else None,
            LatePolicy(**{**data.get("late", {}), **body.get("late", {})}),
        )
    return out


def load(path: Path) -> dict[str, AssignmentConfig]:
    """Reads and validates ``grading.yml``.

    Raises:
        ConfigError: The file is missing, not YAML, or does not match the schema.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML ({err})") from None
    return parse(data)
